# Windows installer (CPack NSIS): components "daemon" (lightd.exe, started at boot by a scheduled
# task as SYSTEM) and "gui" (lightd-gui.exe with a Start-menu entry); windeployqt copies Qt's DLLs
# and plugins next to each installed exe. Not tried on Windows (no Windows Qt on the build
# machines); on Linux, -DLIGHTD_NSIS_CHECK=ON lets `cpack -G NSIS` run makensis on this script.
set(CPACK_VERBATIM_VARIABLES ON) # the NSIS snippets below hold backslashes and quotes
set(CPACK_NSIS_PACKAGE_NAME "lightd ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "lightd")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "lightd")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\lightd-gui.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${CPACK_PACKAGE_HOMEPAGE_URL}")
# Start menu: the GUI; the daemon has no window.
set(CPACK_PACKAGE_EXECUTABLES "lightd-gui" "lightd admin")

# lightd.exe is a console program, not an SCM service, so a boot-time scheduled task runs it as
# SYSTEM. Without --config it uses %ProgramData%\lightd\config.json (created with a fresh master
# token on first start; data in %ProgramData%\lightd\data). `lightd.exe --token what` shows it.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [=[
  IfFileExists "$INSTDIR\bin\lightd.exe" 0 lightd_no_daemon
    nsExec::ExecToLog 'schtasks /Create /F /TN "lightd" /SC ONSTART /RU SYSTEM /RL HIGHEST /TR "\"$INSTDIR\bin\lightd.exe\""'
    nsExec::ExecToLog 'schtasks /Run /TN "lightd"'
  lightd_no_daemon:
]=])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [=[
  nsExec::ExecToLog 'schtasks /End /TN "lightd"'
  nsExec::ExecToLog 'schtasks /Delete /F /TN "lightd"'
  nsExec::ExecToLog 'taskkill /F /IM lightd.exe'
]=])

if(WIN32)
    set(CPACK_GENERATOR NSIS)
    # windeployqt: Qt DLLs and plugins (platforms, sqldrivers, tls) beside each installed exe.
    get_target_property(_qmake Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(_qtbin "${_qmake}" DIRECTORY)
    find_program(LIGHTD_WINDEPLOYQT windeployqt HINTS "${_qtbin}" REQUIRED)
    foreach(exe_component lightd:daemon lightd-gui:gui)
        string(REPLACE ":" ";" pair ${exe_component})
        list(GET pair 0 exe)
        list(GET pair 1 component)
        if(TARGET ${exe})
            install(CODE "execute_process(COMMAND \"${LIGHTD_WINDEPLOYQT}\" --no-translations --no-compiler-runtime
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${exe}.exe\" COMMAND_ERROR_IS_FATAL ANY)"
                COMPONENT ${component})
        endif()
    endforeach()
    # The MSVC runtime, for machines without it.
    set(CMAKE_INSTALL_SYSTEM_RUNTIME_COMPONENT daemon)
    include(InstallRequiredSystemLibraries)
endif()
