# SPDX-License-Identifier: MIT
# The C ABI against what was committed (tests/capi/abi/): the shared library's exported
# functions, every function cchc.h declares, and the layouts and constants of cchc.h and
# arrow.h as the C compiler sees them (LAYOUT, a program that prints them). A removed or
# changed entry breaks programs built against an earlier cchc.h; an added one is compatible,
# but must be added to the lists on purpose. docs/c-api.md states the promise.
function(read_list file out)
  file(STRINGS "${file}" lines)
  list(SORT lines)
  set(${out} "${lines}" PARENT_SCOPE)
endfunction()

function(compare what committed actual file)
  set(removed "${committed}")
  list(REMOVE_ITEM removed ${actual})
  set(added "${actual}")
  list(REMOVE_ITEM added ${committed})
  if(removed)
    string(REPLACE ";" "\n  " r "${removed}")
    message(SEND_ERROR "${what}: gone or changed (an incompatible change):\n  ${r}")
  endif()
  if(added)
    string(REPLACE ";" "\n  " a "${added}")
    message(SEND_ERROR "${what}: new, not yet in ${file} (add them if they are meant):\n  ${a}")
  endif()
endfunction()

# Exported functions.
execute_process(COMMAND nm -D --defined-only "${LIBRARY}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIBRARY}")
endif()
string(REGEX MATCHALL " cchc_[A-Za-z0-9_]+" exported "${out}")
list(TRANSFORM exported STRIP)
list(SORT exported)
read_list("${ABI_DIR}/symbols.txt" committed)
compare("exported functions" "${committed}" "${exported}" "symbols.txt")

# cchc.h and the parts it includes (cchc/c/*.h): the whole contract.
get_filename_component(header_dir "${HEADER}" DIRECTORY)
file(GLOB header_parts "${header_dir}/c/*.h")
set(contract "${HEADER}" ${header_parts})
function(read_contract regex out)
  set(all "")
  foreach(h IN LISTS contract)
    file(STRINGS "${h}" lines REGEX "${regex}")
    list(APPEND all ${lines})
  endforeach()
  set(${out} "${all}" PARENT_SCOPE)
endfunction()

# Declared functions: each must be exported (a declared function that is not is a link error).
read_contract("CCHC_EXTERN" externs)
set(declared "")
foreach(line IN LISTS externs)
  if(line MATCHES "(cchc_[a-z0-9_]+)\\(")
    list(APPEND declared "${CMAKE_MATCH_1}")
  endif()
endforeach()
list(SORT declared)
compare("functions declared in cchc.h against those exported" "${exported}" "${declared}"
        "the library")

# Layouts and constants, on the architecture they were committed for.
# ARCH comes from the project: a script (cmake -P) has no CMAKE_HOST_SYSTEM_PROCESSOR, and
# without it no layout was ever compared.
if(NOT ARCH)
  message(FATAL_ERROR "ARCH is not set: pass -DARCH=<processor>")
endif()
set(layout_file "${ABI_DIR}/layout-${ARCH}.txt")
if(EXISTS "${layout_file}")
  execute_process(COMMAND "${LAYOUT}" OUTPUT_VARIABLE out RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${LAYOUT} failed")
  endif()
  string(REGEX REPLACE "\n$" "" out "${out}")
  string(REPLACE "\n" ";" actual "${out}")
  list(SORT actual)
  read_list("${layout_file}" committed)
  compare("struct layouts and constants" "${committed}" "${actual}"
          "layout-${ARCH}.txt")
  # Every struct of cchc.h is in the layout program.
  read_contract("^typedef struct cchc_[a-z_]+ {" typedefs)
  foreach(t IN LISTS typedefs)
    string(REGEX REPLACE "^typedef struct (cchc_[a-z_]+) {.*" "\\1" name "${t}")
    if(NOT out MATCHES "struct ${name} size")
      message(SEND_ERROR "struct ${name} is not in tests/capi/abi_layout.c")
    endif()
  endforeach()
else()
  message(STATUS "no committed layout for ${ARCH}; layouts not compared")
endif()
list(LENGTH exported n)
message(STATUS "ABI: ${n} functions and the committed layouts, unchanged")
