#pragma once
// The programs integration tests run beside the daemon: any program to completion, the docker CLI
// (to see what the engine holds and to clean up), and the script that builds the test image.
#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lightd::test {
// lightd-test:busybox (busybox + bash), built by tests/support/make-test-image.sh.
inline const QString kImage = QStringLiteral("lightd-test:busybox");

// The repository: $LIGHTD_SOURCE_DIR (ctest sets it for every test), else where it was configured.
QString sourceDir();

// Runs a program to completion with `input` on its stdin; its exit code (-1 if it could not run,
// crashed or timed out), stdout and stderr merged into *out.
int run(const QString &program, const QStringList &args, QByteArray *out = nullptr, int timeoutMs = 120000,
        const QByteArray &input = {});

// `docker ARGS`: its output, trimmed; *code = its exit code.
QByteArray docker(const QStringList &args, int *code = nullptr);
// `docker inspect` of one container or image; empty when it does not exist.
QJsonObject dockerInspect(const QString &name, const char *kind = "container");
bool dockerExists(const QString &name);
QString dockerStatus(const QString &name); // State.Status: created, running, exited, ...
// Removes every Docker container whose name contains `fragment`.
void removeContainersMatching(const QString &fragment);
// Builds kImage if it is missing (make-test-image.sh); false, with a warning, when that fails.
bool ensureImage();
} // namespace lightd::test
