# Which Kokkos backends this build has, for Kokkos-free code (config/) and for messages.
set(KPROVE_SPACE_DEFINES "")
foreach(dev SERIAL OPENMP CUDA)
  if(dev IN_LIST Kokkos_DEVICES)
    list(APPEND KPROVE_SPACE_DEFINES KPROVE_HAS_${dev})
  endif()
endforeach()
message(STATUS "kprove execution spaces: ${Kokkos_DEVICES}")

set(KPROVE_WARNINGS -Wall -Wextra)

# kprove_kokkos_library(NAME SOURCES...): a library compiled by Kokkos' compiler.
function(kprove_kokkos_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}> $<INSTALL_INTERFACE:include/kprove>)
  target_link_libraries(${name} PUBLIC Kokkos::kokkos)
  add_library(kprove::${name} ALIAS ${name})
endfunction()

# kprove_host_library(NAME SOURCES...): plain g++ library that must not include Kokkos.
function(kprove_host_library name)
  add_library(${name} STATIC ${ARGN})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}> $<INSTALL_INTERFACE:include/kprove>)
  target_compile_options(${name} PRIVATE ${KPROVE_WARNINGS})
  add_library(kprove::${name} ALIAS ${name})
endfunction()
