# SPDX-License-Identifier: MIT
# For test scripts (cmake -P): run(COMMAND ARGS...) runs a program, stops the test with its
# output when it fails, and leaves what it printed in `out`.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
