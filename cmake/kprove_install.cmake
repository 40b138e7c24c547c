include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS ${KPROVE_INSTALL_TARGETS} EXPORT kprove-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# impl/ headers too: the public templates (prove_shard, the kernels) include them. Not MPI's
# world (engine/distributed/mpi): kprove_mpi is the CLI's; a library passes prove_run its own
# Communicator.
foreach(dir config views kernels engine)
  install(DIRECTORY ${dir}/ DESTINATION include/kprove/${dir} FILES_MATCHING PATTERN "*.hpp"
          PATTERN "distributed/mpi" EXCLUDE)
endforeach()
install(EXPORT kprove-targets NAMESPACE kprove::
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kprove)
configure_package_config_file(cmake/kprove-config.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/kprove-config.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kprove)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/kprove-config-version.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kprove-config.cmake
  ${CMAKE_CURRENT_BINARY_DIR}/kprove-config-version.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/kprove)
