cmake_minimum_required(VERSION 3.20)
# tst_layering: every daemon module includes only modules below it. Run as
#   cmake -DSRC=<repo root> -P check_layers.cmake
# Ranks (a module may include `lightd/` (shared), itself, and modules ranked lower):
#   1 config metrics   2 storage docker http   3 auth network volumes   4 containers sftp
#   5 ws billing   6 sync (the remote outbox reads billing's usage)   7 api   8 app
# So storage and docker include nothing of the daemon but config (storage keeps rows, not domain
# records), and http sits on shared alone. Domain modules include nothing of http/: request bodies
# are read in api/ (ContainerSpecParser, PortParser), uploads reach volumes/ through an api/ adapter.
set(rank_config 1)
set(rank_metrics 1)
set(rank_storage 2)
set(rank_docker 2)
set(rank_http 2)
set(rank_auth 3)
set(rank_network 3)
set(rank_volumes 3)
set(rank_containers 4)
set(rank_sftp 4)
set(rank_ws 5)
set(rank_billing 5)
set(rank_sync 6)
set(rank_api 7)
set(rank_app 8)
# auth is not domain: it sits on http on purpose (AuthGuard authenticates HTTP requests and
# WebSocket upgrades, TokenService answers with the http::Caller a route sees).
set(domain containers sftp volumes network storage docker billing sync metrics)
set(allowed
    "http/HttpListener.cpp:app/LogContext.h" # LogContext belongs below http; to move
    "http/HttpLog.cpp:app/LogContext.h")

set(failures "")
file(GLOB_RECURSE sources RELATIVE "${SRC}/daemon" "${SRC}/daemon/*.h" "${SRC}/daemon/*.cpp")
foreach(file IN LISTS sources)
    string(REGEX MATCH "^[a-z]+" module "${file}")
    if(NOT DEFINED rank_${module})
        if(file MATCHES "/") # a new module must be given a rank, or its includes go unchecked
            list(APPEND failures "daemon/${module}/ has no rank in check_layers.cmake")
        endif()
        continue()
    endif()
    file(STRINGS "${SRC}/daemon/${file}" includes REGEX "^#include \"[a-z]+/")
    foreach(line IN LISTS includes)
        string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" target "${line}")
        string(REGEX MATCH "^[a-z]+" other "${target}")
        if(other STREQUAL "lightd" OR other STREQUAL module OR NOT DEFINED rank_${other})
            continue()
        endif()
        if("${file}:${target}" IN_LIST allowed)
            continue()
        endif()
        set(bad FALSE)
        if(NOT rank_${other} LESS rank_${module})
            set(bad TRUE)
        elseif(module IN_LIST domain AND other STREQUAL "http")
            set(bad TRUE)
        endif()
        if(bad)
            list(APPEND failures "daemon/${file} includes ${target}")
        endif()
    endforeach()
endforeach()
if(failures)
    list(JOIN failures "\n  " text)
    message(FATAL_ERROR "upward includes:\n  ${text}")
endif()
message(STATUS "layering: every include points down")
