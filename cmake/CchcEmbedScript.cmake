# SPDX-License-Identifier: MIT
# Script mode helper of cchc_embed(): writes INPUT's bytes as a char array.
file(READ "${INPUT}" hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){32})" "\\1\n" bytes "${bytes}")
file(WRITE "${OUTPUT}" "// Generated from ${INPUT} by cmake/CchcEmbedScript.cmake. Do not edit.
#include <string_view>
namespace ${NAMESPACE} {
namespace {
constexpr char data[${size} + 1] = {
${bytes}'\\0'};
}  // namespace
std::string_view ${SYMBOL}() noexcept { return {data, ${size}}; }
}  // namespace ${NAMESPACE}
")
