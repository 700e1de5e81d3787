# SPDX-License-Identifier: MIT
# `cmake --install`: headers, libraries, the cchc command, find_package(cchc CONFIG) files with
# namespaced targets (cchc::c; cchc::cchc, cchc::c_static and cchc::cli, the "cxx" component)
# and a version check, and cchc.pc for pkg-config (the C API).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# Two export sets, so that a C-only project (project(x C)) finds cchc::c, the shared C library,
# with no C++ compiler and none of the C++ library's dependencies (cchcConfig.cmake.in).
install(TARGETS cchc_c
  EXPORT cchcCTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
set(cchc_cxx_targets cchc cchc_c_static)
if(TARGET cchc_cli)
  list(APPEND cchc_cxx_targets cchc_cli)
endif()
install(TARGETS ${cchc_cxx_targets}
  EXPORT cchcCxxTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

set(cchc_cmake_dir "${CMAKE_INSTALL_LIBDIR}/cmake/cchc")
foreach(set IN ITEMS C Cxx)
  install(EXPORT cchc${set}Targets NAMESPACE cchc:: DESTINATION "${cchc_cmake_dir}")
  export(EXPORT cchc${set}Targets NAMESPACE cchc::
         FILE "${PROJECT_BINARY_DIR}/cchc${set}Targets.cmake")
endforeach()

configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/cchcConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/cchcConfig.cmake" INSTALL_DESTINATION "${cchc_cmake_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/cchcConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/cchcConfig.cmake" "${PROJECT_BINARY_DIR}/cchcConfigVersion.cmake"
  DESTINATION "${cchc_cmake_dir}")

file(RELATIVE_PATH cchc_pc_to_prefix "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
string(REGEX REPLACE "/$" "" cchc_pc_to_prefix "${cchc_pc_to_prefix}")
configure_file("${CMAKE_CURRENT_LIST_DIR}/cchc.pc.in" "${PROJECT_BINARY_DIR}/cchc.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/cchc.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")

# The example programs, for users to copy from (the Python package: bindings/python).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/cchc/examples")
