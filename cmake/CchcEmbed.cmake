# SPDX-License-Identifier: MIT
# Embeds a data file (a catalogue, an example report) into a C++ source as a byte array, so the
# library carries its built-in data and needs no install path at run time.
#
#   cchc_embed(OUTPUT <file.cpp> INPUT <data file> SYMBOL <name> NAMESPACE <ns>)
# defines `std::string_view <ns>::<name>()` in <file.cpp>; it is regenerated when the input changes.
function(cchc_embed)
  cmake_parse_arguments(ARG "" "OUTPUT;INPUT;SYMBOL;NAMESPACE" "" ${ARGN})
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND "${CMAKE_COMMAND}" -DINPUT=${ARG_INPUT} -DOUTPUT=${ARG_OUTPUT}
            -DSYMBOL=${ARG_SYMBOL} -DNAMESPACE=${ARG_NAMESPACE}
            -P "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CchcEmbedScript.cmake"
    DEPENDS "${ARG_INPUT}" "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/CchcEmbedScript.cmake"
    COMMENT "Embedding ${ARG_INPUT}"
    VERBATIM)
endfunction()
