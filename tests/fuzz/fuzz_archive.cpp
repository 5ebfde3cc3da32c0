// Archives a tenant uploads and asks to decompress (volumes/ArchiveExtractor): whatever the archive
// says, nothing is written outside the volume, and a refused archive leaves the destination as it was
// and no staging directory behind.
#include "FuzzInput.h"
#include "volumes/ArchiveExtractor.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>

#include <cstdlib>

using namespace lightd::volumes;

namespace {
QStringList entriesUnder(const QString &dir)
{
    QStringList found;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next().mid(dir.size());
    found.sort();
    return found;
}

// Removes what an extraction made, including directories the archive made read-only (their modes
// are the archive's); links are removed, never followed.
void removeTree(const QString &dir)
{
    QDir(dir).removeRecursively();
    if (QFileInfo::exists(dir)) { // modes the archive set: chmod -R ignores links it meets on the way
        const QByteArray quoted = "'" + dir.toUtf8() + "'";
        FUZZ_CHECK(std::system(("chmod -R u+rwX " + quoted + " && rm -rf " + quoted).constData()) == 0);
    }
    FUZZ_CHECK(!QFileInfo::exists(dir));
}

// On a finding, what is on disk is the report.
void expect(bool ok, const QStringList &entries)
{
    if (!ok)
        qFatal("unexpected entries: %s", qPrintable(entries.join(QLatin1Char(' '))));
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static QTemporaryDir dir;
    static const QString root = dir.path() + QStringLiteral("/volume");
    static const QString outside = dir.path() + QStringLiteral("/outside");
    static bool made = QDir().mkpath(root) && QDir().mkpath(outside);
    FUZZ_CHECK(made);
    static QuotaTracker quota;
    quota.untrack(QStringLiteral("v"));
    quota.track(QStringLiteral("v"), root, 64, 0); // each input starts from an empty volume
    static const Sandbox sandbox(root);

    QFile archive(root + QStringLiteral("/in.tar"));
    FUZZ_CHECK(archive.open(QIODevice::WriteOnly | QIODevice::Truncate));
    archive.write(reinterpret_cast<const char *>(data), qint64(size));
    archive.close();
    QDir().mkpath(root + QStringLiteral("/out"));
    bool ok = true;
    try {
        extractArchive(sandbox, quota, QStringLiteral("v"), {"in.tar"}, {"out"});
    } catch (...) {
        ok = false;
    }
    expect(entriesUnder(outside).isEmpty(), entriesUnder(outside));
    const QStringList all = entriesUnder(dir.path()); // volume/ and outside/ only
    expect(all.size() == entriesUnder(root).size() + 2, all);
    // Beside the archive, only the destination; a refused archive leaves the destination empty.
    const QStringList inVolume = entriesUnder(root);
    for (const QString &e : inVolume)
        expect(e == QLatin1StringView("/in.tar") || e == QLatin1StringView("/out") ||
                   (ok && e.startsWith(QLatin1StringView("/out/"))),
               inVolume);
    removeTree(root + QStringLiteral("/out"));
    return 0;
}
