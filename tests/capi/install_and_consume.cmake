# SPDX-License-Identifier: MIT
# Installs the build into PREFIX, then uses only what was installed: a consumer project through
# find_package(cchc CONFIG), a C program through pkg-config, and the C and Python examples.
include("${CMAKE_CURRENT_LIST_DIR}/../support/run.cmake")

file(REMOVE_RECURSE "${PREFIX}")
run(${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${PREFIX}")
set(example "${PREFIX}/share/cchc/examples/data/seed-report.json")
foreach(f include/cchc/cchc.h include/cchc/cchc.hpp lib/libcchc.a lib/libcchc_c.a lib/libcchc_c.so
          lib/pkgconfig/cchc.pc lib/cmake/cchc/cchcConfig.cmake lib/cmake/cchc/cchcConfigVersion.cmake
          bin/cchc ${PYTHON_DIR}/cchc/__init__.py ${PYTHON_DIR}/cchc/_config.py
          ${PYTHON_DIR}/cchc/py.typed)
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

# A C-only project (project(x C)): cchc::c with no C++ compiler and no Boost looked for.
set(c_only_build "${PREFIX}/consumer-c-only-build")
run(${CMAKE_COMMAND} -S "${CONSUMER}/../consumer_c" -B "${c_only_build}" -G "${GENERATOR}"
    "-DCMAKE_PREFIX_PATH=${PREFIX}")
run(${CMAKE_COMMAND} --build "${c_only_build}")
file(READ "${c_only_build}/CMakeCache.txt" cache)
if(cache MATCHES "Boost_DIR|CMAKE_CXX_COMPILER:")
  message(FATAL_ERROR "the C-only consumer looked for C++ or Boost")
endif()
run("${c_only_build}/consumer_c_only" "${example}")
if(NOT out MATCHES "C: 11 findings")
  message(FATAL_ERROR "consumer_c_only: ${out}")
endif()

# COMPONENTS cxx asked of a prefix whose C++ dependencies cannot be found fails at configure
# time with a message that names them.
set(no_cxx_build "${PREFIX}/consumer-no-deps-build")
file(MAKE_DIRECTORY "${PREFIX}/consumer-no-deps")
file(WRITE "${PREFIX}/consumer-no-deps/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.25)\nproject(x C CXX)\n"
  "find_package(cchc CONFIG REQUIRED COMPONENTS cxx)\n")
execute_process(COMMAND ${CMAKE_COMMAND} -S "${PREFIX}/consumer-no-deps" -B "${no_cxx_build}"
                -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${PREFIX}" -DCMAKE_DISABLE_FIND_PACKAGE_fmt=ON
                RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
if(rc EQUAL 0 OR NOT "${o}${e}" MATCHES "cxx")
  message(FATAL_ERROR "COMPONENTS cxx without {fmt} configured (${rc}): ${o}${e}")
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
  # The installed package finds the installed library by itself: no CCHC_LIBRARY, no
  # LD_LIBRARY_PATH.
  unset(ENV{LD_LIBRARY_PATH})
  unset(ENV{CCHC_LIBRARY})
  set(ENV{PYTHONPATH} "${PREFIX}/${PYTHON_DIR}")
  file(WRITE "${PREFIX}/which_library.py"
    "import cchc\nimport cchc._lib\nprint(cchc._lib._find_library())\nprint(cchc.version())\n")
  run("${PYTHON}" "${PREFIX}/which_library.py")
  string(FIND "${out}" "${PREFIX}/" at)
  if(NOT at EQUAL 0 OR NOT out MATCHES "libcchc_c[.]so")
    message(FATAL_ERROR "the installed Python package loads another library: ${out}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} "-DCLI=${PREFIX}/bin/cchc"
                  "-DEXAMPLE=${PYTHON};${PREFIX}/share/cchc/examples/python/check_report.py"
                  "-DPYTHONPATH=${PREFIX}/${PYTHON_DIR}"
                  -P "${SOURCE_DIR}/tests/capi/same_findings.cmake" RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "installed Python example: ${o}${e}")
  endif()
endif()
message(STATUS "installed tree consumed through find_package and pkg-config; examples agree")
