# .deb and .rpm: the systemd unit and maintainer scripts are generated from the packaged paths.
set(_gen ${CMAKE_CURRENT_BINARY_DIR}/linux)
configure_file(linux/lightd.service.in ${_gen}/lightd.service @ONLY)
foreach(script postinst prerm postrm)
    configure_file(linux/${script}.in ${_gen}/${script} @ONLY
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()

# Debian wants man pages and changelogs gzipped without a timestamp (-n), so builds are reproducible.
find_program(LIGHTD_GZIP gzip REQUIRED)
add_custom_command(OUTPUT ${_gen}/lightd.8.gz ${_gen}/lightd-gui.1.gz ${_gen}/changelog.gz
    COMMAND ${LIGHTD_GZIP} -9nc ${PROJECT_SOURCE_DIR}/docs/lightd.8 > ${_gen}/lightd.8.gz
    COMMAND ${LIGHTD_GZIP} -9nc ${PROJECT_SOURCE_DIR}/docs/lightd-gui.1 > ${_gen}/lightd-gui.1.gz
    COMMAND ${LIGHTD_GZIP} -9nc ${CMAKE_CURRENT_SOURCE_DIR}/linux/changelog > ${_gen}/changelog.gz
    DEPENDS ${PROJECT_SOURCE_DIR}/docs/lightd.8 ${PROJECT_SOURCE_DIR}/docs/lightd-gui.1 ${CMAKE_CURRENT_SOURCE_DIR}/linux/changelog
    VERBATIM)
add_custom_target(lightd_package_docs ALL DEPENDS ${_gen}/lightd.8.gz ${_gen}/lightd-gui.1.gz ${_gen}/changelog.gz)

install(FILES ${_gen}/lightd.service DESTINATION lib/systemd/system COMPONENT daemon)
install(FILES ${_gen}/lightd.8.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man8 COMPONENT daemon)
install(FILES ${_gen}/lightd-gui.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT gui)
install(FILES ${PROJECT_SOURCE_DIR}/docs/config.md DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/lightd COMPONENT daemon)
foreach(component_pkg daemon:lightd gui:lightd-gui)
    string(REPLACE ":" ";" pair ${component_pkg})
    list(GET pair 0 component)
    list(GET pair 1 pkg)
    install(FILES linux/copyright ${_gen}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg}
        COMPONENT ${component})
endforeach()

set(CPACK_GENERATOR "DEB;RPM")
set(CPACK_PACKAGING_INSTALL_PREFIX ${LIGHTD_PACKAGE_PREFIX})
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_RPM_COMPONENT_INSTALL ON)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_DAEMON_PACKAGE_NAME lightd)
# The SQLite driver is a Qt plugin the daemon loads by path, so shlibdeps cannot see it.
set(CPACK_DEBIAN_DAEMON_PACKAGE_DEPENDS "docker.io | docker-ce | podman-docker, iptables, libqt6sql6-sqlite")
set(CPACK_DEBIAN_DAEMON_PACKAGE_CONTROL_EXTRA "${_gen}/postinst;${_gen}/prerm;${_gen}/postrm")
set(CPACK_DEBIAN_DAEMON_DESCRIPTION "container daemon for game and app server hosting
lightd runs game and app servers in Docker containers for a hosting panel:
a REST and WebSocket API (consoles, files, ports, volumes with quotas)
backed by the local Docker Engine, with a hardened systemd service.")
set(CPACK_DEBIAN_GUI_PACKAGE_NAME lightd-gui)
set(CPACK_DEBIAN_GUI_PACKAGE_SECTION x11)
set(CPACK_DEBIAN_GUI_DESCRIPTION "desktop admin app for lightd daemons
lightd-gui manages one or several lightd daemons: containers, consoles,
files, ports, volumes and billing estimates.")

set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
set(CPACK_RPM_PACKAGE_GROUP "System Environment/Daemons")
set(CPACK_RPM_DAEMON_PACKAGE_NAME lightd)
set(CPACK_RPM_DAEMON_PACKAGE_SUMMARY "Container daemon for game and app server hosting")
set(CPACK_RPM_DAEMON_PACKAGE_DESCRIPTION "lightd runs game and app servers in Docker containers for a hosting panel.")
set(CPACK_RPM_DAEMON_PACKAGE_REQUIRES "iptables, (docker or docker-ce or moby-engine or podman-docker)")
set(CPACK_RPM_DAEMON_POST_INSTALL_SCRIPT_FILE ${_gen}/postinst)
set(CPACK_RPM_DAEMON_PRE_UNINSTALL_SCRIPT_FILE ${_gen}/prerm)
set(CPACK_RPM_DAEMON_POST_UNINSTALL_SCRIPT_FILE ${_gen}/postrm)
set(CPACK_RPM_GUI_PACKAGE_NAME lightd-gui)
set(CPACK_RPM_GUI_PACKAGE_SUMMARY "Desktop admin app for lightd daemons")
set(CPACK_RPM_GUI_PACKAGE_DESCRIPTION "lightd-gui manages one or several lightd daemons.")
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION
    /lib /lib/systemd /lib/systemd/system /usr/lib/systemd /usr/lib/systemd/system /usr/sbin /usr/bin
    /usr/share/man /usr/share/man/man1 /usr/share/man/man8 /usr/share/doc /usr/share/applications /usr/share/icons
    /usr/share/icons/hicolor)
