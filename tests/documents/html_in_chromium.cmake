# SPDX-License-Identifier: MIT
# The HTML that `cchc render` writes, loaded by a real browser: headless Chromium parses it and
# prints the DOM it built, which must hold the seven forms as tables, every value of the report
# in its row's cell, the findings on their cells and in the list. Skipped (exit 77) when Chromium
# is not installed: `bash cmake/install-deps.sh test` installs it.
if(NOT CHROMIUM)
  message("skipped: chromium is not installed (bash cmake/install-deps.sh test)")
  cmake_language(EXIT 77)
endif()
include("${CMAKE_CURRENT_LIST_DIR}/../support/run.cmake")

file(MAKE_DIRECTORY "${WORK}")
run("${CLI}" render --findings -o "${WORK}/seed.html")
run("${CLI}" show --format json)
string(JSON values GET "${out}" values)
# A profile of its own, so that runs never share (or wait for) one.
run("${CHROMIUM}" --headless --no-sandbox --disable-gpu --no-first-run "--user-data-dir=${WORK}/profile"
    --dump-dom "file://${WORK}/seed.html")
set(dom "${out}")

if(NOT dom MATCHES "^<!DOCTYPE html>[\r\n]+<html lang=\"vi\">")
  message(FATAL_ERROR "no <html lang=\"vi\"> in the DOM:\n${dom}")
endif()
string(REGEX MATCHALL "<table>" tables "${dom}")
list(LENGTH tables n)
if(NOT n EQUAL 7)
  message(FATAL_ERROR "the browser's DOM has ${n} tables, not 7")
endif()
foreach(form RANGE 1 7)
  if(NOT dom MATCHES "<section class=\"form\" id=\"bieu-mau-${form}\">")
    message(FATAL_ERROR "form ${form} is not in the DOM")
  endif()
endforeach()
# Every value of the report, in its row's cell, as written.
string(JSON count LENGTH "${values}")
math(EXPR last "${count} - 1")
foreach(i RANGE ${last})
  string(JSON address MEMBER "${values}" ${i})
  string(JSON value GET "${values}" "${address}")
  string(REGEX REPLACE "([][.+*?^$()|\\\\])" "\\\\\\1" address_re "${address}")
  if(NOT dom MATCHES "data-row=\"${address_re}\" data-state=\"[a-z_]+\"( title=\"[^\"]*\")?>${value}(<span|</td>)")
    message(FATAL_ERROR "${address} = ${value} is not in its cell in the DOM")
  endif()
endforeach()
# The findings: B4:3.2 (33 of 25) marked as an error, and a list item per finding.
if(NOT dom MATCHES "<td class=\"value error\" data-row=\"B4:3.2\"")
  message(FATAL_ERROR "B4:3.2's error is not on its cell")
endif()
string(REGEX MATCHALL "<li id=\"f[0-9]+\" class=\"(error|warning|info)\">" items "${dom}")
list(LENGTH items findings)
if(NOT findings EQUAL 11)
  message(FATAL_ERROR "${findings} findings listed in the DOM, not 11")
endif()
message(STATUS "Chromium: 7 forms, ${count} values in their cells, ${findings} findings")
