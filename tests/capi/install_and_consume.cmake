# SPDX-License-Identifier: MIT
# Installs the build into PREFIX, then uses only what was installed: a consumer project through
# find_package(cchc CONFIG), a C program through pkg-config, and the C and Python examples.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${PREFIX}")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}")
set(example "${PREFIX}/share/cchc/examples/data/seed-report.json")
foreach(f include/cchc/cchc.h include/cchc/cchc.hpp lib/libcchc.a lib/libcchc_c.a lib/libcchc_c.so
          lib/pkgconfig/cchc.pc lib/cmake/cchc/cchcConfig.cmake lib/cmake/cchc/cchcConfigVersion.cmake
          bin/cchc share/cchc/python/cchc.py)
  if(NOT EXISTS "${PREFIX}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()

# find_package(cchc CONFIG): C++ (static) and C (shared) targets.
set(consumer_build "${PREFIX}/consumer-build")
run(${CMAKE_COMMAND} -S "${CONSUMER}" -B "${consumer_build}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}")
run(${CMAKE_COMMAND} --build "${consumer_build}")
run("${consumer_build}/consumer_cpp" "${example}")
if(NOT out MATCHES "C\\+\\+: 11 findings")
  message(FATAL_ERROR "consumer_cpp: ${out}")
endif()
set(ENV{LD_LIBRARY_PATH} "${PREFIX}/lib")
run("${consumer_build}/consumer_c" "${example}")
if(NOT out MATCHES "C: 11 findings")
  message(FATAL_ERROR "consumer_c: ${out}")
endif()

# pkg-config: cc $(pkg-config --cflags --libs cchc).
set(ENV{PKG_CONFIG_PATH} "${PREFIX}/lib/pkgconfig")
run(pkg-config --cflags --libs cchc)
string(STRIP "${out}" flags)
separate_arguments(flags UNIX_COMMAND "${flags}")
run(cc -std=c99 -pedantic -Werror "${CONSUMER}/consumer.c" ${flags} -o "${PREFIX}/consumer_pc")
run("${PREFIX}/consumer_pc" "${example}")
if(NOT out MATCHES "C: 11 findings")
  message(FATAL_ERROR "consumer via pkg-config: ${out}")
endif()

# The examples from the installed prefix print what the installed `cchc check` prints.
run(cc -std=c99 -pedantic -Werror -Wall -Wextra "${PREFIX}/share/cchc/examples/c/check_report.c"
    "-DCCHC_EXAMPLE_REPORT=\"${example}\"" ${flags} -o "${PREFIX}/check_report_c")
execute_process(COMMAND ${CMAKE_COMMAND} "-DCLI=${PREFIX}/bin/cchc" "-DEXAMPLE=${PREFIX}/check_report_c"
                -P "${SOURCE_DIR}/tests/capi/same_findings.cmake" RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "installed C example: ${o}${e}")
endif()
if(PYTHON)
  execute_process(COMMAND ${CMAKE_COMMAND} "-DCLI=${PREFIX}/bin/cchc"
                  "-DEXAMPLE=${PYTHON};${PREFIX}/share/cchc/examples/python/check_report.py"
                  "-DLIBRARY=${PREFIX}/lib/libcchc_c.so"
                  -P "${SOURCE_DIR}/tests/capi/same_findings.cmake" RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installed Python example: ${o}${e}")
  endif()
endif()
message(STATUS "installed tree consumed through find_package and pkg-config; examples agree")
