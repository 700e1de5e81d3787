# SPDX-License-Identifier: MIT
# Runs COMMAND with ARGS (a ;-list) and checks its exit code and output against regexes.
if(ARGS STREQUAL "")
  set(ARGS)
endif()
execute_process(COMMAND "${COMMAND}" ${ARGS}
  RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REPLACE "\n" " " out_flat "${out}")
string(REPLACE "\n" " " err_flat "${err}")
if(NOT code STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXPECT_EXIT}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(EXPECT_STDOUT AND NOT out_flat MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match '${EXPECT_STDOUT}':\n${out}")
endif()
if(EXPECT_STDERR AND NOT err_flat MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match '${EXPECT_STDERR}':\n${err}")
endif()
