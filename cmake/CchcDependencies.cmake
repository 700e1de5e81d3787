# SPDX-License-Identifier: MIT
# Every dependency comes from a Debian 12 package (see cmake/install-deps.sh); nothing is downloaded.
find_package(Boost 1.81 REQUIRED COMPONENTS json date_time)
find_package(Microsoft.GSL REQUIRED)
find_package(fmt REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(UTF8PROC REQUIRED IMPORTED_TARGET libutf8proc)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# Scans: Tesseract (with Debian's tesseract-ocr-vie model) and Leptonica, its image library.
pkg_check_modules(TESSERACT REQUIRED IMPORTED_TARGET tesseract lept)
# Tesseract runs OpenMP threads of its own; cchc, which reads pages side by side, keeps each of
# its threads to one (src/in/scan/recognize.cpp). Without OpenMP there is nothing to keep.
find_package(OpenMP COMPONENTS CXX QUIET)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
pkg_check_modules(PUGIXML REQUIRED IMPORTED_TARGET pugixml)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
if(CCHC_BUILD_CLI)
  find_package(CLI11 REQUIRED)
endif()
if(CCHC_BUILD_TESTS)
  find_package(GTest REQUIRED)
  find_package(Threads REQUIRED)
endif()

# Python (ctypes) tests of the C API run when python3 is there and the build is not sanitized:
# an instrumented library cannot be loaded into an uninstrumented interpreter.
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize")
  set(CCHC_PYTHON_TESTS ON)
else()
  set(CCHC_PYTHON_TESTS OFF)
endif()
