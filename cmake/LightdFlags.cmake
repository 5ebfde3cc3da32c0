# One INTERFACE target carries the language level, warnings and Qt strictness defines for every
# target of the project, so no target can drift from the common rules.
add_library(lightd_build_flags INTERFACE)
target_compile_features(lightd_build_flags INTERFACE cxx_std_20)
target_compile_options(lightd_build_flags INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-qual -Wformat=2
    $<$<BOOL:${LIGHTD_WERROR}>:-Werror>)
target_compile_definitions(lightd_build_flags INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    LIGHTD_VERSION="${PROJECT_VERSION}")
if(LIGHTD_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "LIGHTD_FUZZ needs clang (CXX=clang++-14)")
    endif()
    # Coverage for the fuzzer in every object; the fuzzer's main only in the fuzz targets.
    target_compile_options(lightd_build_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                           -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(lightd_build_flags INTERFACE -fsanitize=address,undefined)
elseif(LIGHTD_SANITIZE)
    target_compile_options(lightd_build_flags INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(lightd_build_flags INTERFACE -fsanitize=address,undefined)
elseif(LIGHTD_TSAN)
    target_compile_options(lightd_build_flags INTERFACE -fsanitize=thread -fno-omit-frame-pointer)
    target_link_options(lightd_build_flags INTERFACE -fsanitize=thread)
endif()
