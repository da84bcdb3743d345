# What `cmake --install` puts under the prefix (docs/embedding.md): the runtime's headers and
# libraries, a CMake package (find_package(ssd CONFIG) → ssd::runtime, ssd::runtime_static), a
# pkg-config module (ssd.pc), and the standards and calendar under share/ssd. The ssd command and
# the Python module install themselves (tools/, python/).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS ssd_runtime_shared EXPORT ssdTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS ssd_runtime_static EXPORT ssdStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES
  stdlib/include/ssd/export.h stdlib/include/ssd/dates.h stdlib/include/ssd/calendar.h
  runtime/include/ssd/ssd.h runtime/include/ssd/result.h runtime/include/ssd/runtime.h runtime/include/ssd/report.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ssd)

set(ssd_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/ssd)
install(EXPORT ssdTargets NAMESPACE ssd:: DESTINATION ${ssd_cmake_dir})
install(EXPORT ssdStaticTargets NAMESPACE ssd:: DESTINATION ${ssd_cmake_dir})
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ssdConfig.cmake.in
  ${PROJECT_BINARY_DIR}/ssdConfig.cmake INSTALL_DESTINATION ${ssd_cmake_dir})
# 0.x: a new minor version may break the API.
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ssdConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ssdConfig.cmake ${PROJECT_BINARY_DIR}/ssdConfigVersion.cmake
  DESTINATION ${ssd_cmake_dir})

file(RELATIVE_PATH ssd_pc_to_prefix /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(${PROJECT_SOURCE_DIR}/cmake/ssd.pc.in ${PROJECT_BINARY_DIR}/ssd.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/ssd.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/standards/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ssd/standards
  FILES_MATCHING PATTERN "*.ssd" PATTERN "README.md")
install(FILES ${PROJECT_SOURCE_DIR}/stdlib/calendar/kz-calendar.tsv DESTINATION ${CMAKE_INSTALL_DATADIR}/ssd/calendar)
