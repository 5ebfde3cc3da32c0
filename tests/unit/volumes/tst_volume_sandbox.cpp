// The volume Sandbox against a traversal battery, for both resolvers (openat2 and the O_NOFOLLOW
// walk). Every test ends by checking that nothing outside the volume was read into the volume,
// changed or created: a canary file (content and mtime) and the exact set of names outside.
#include "lightd/DomainError.h"
#include "lightd/ErrorStatus.h"
#include "volumes/FileManager.h"
#include "volumes/QuotaTracker.h"
#include "volumes/Sandbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <thread>
#include <unistd.h>

using namespace lightd;
using namespace lightd::volumes;

namespace {
const QByteArray kCanary = "canary: must never change\n";

int statusOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const DomainError &e) {
        return codes::httpStatus(e.code());
    }
    return 0;
}

QString codeOf(const std::function<void()> &fn)
{
    try {
        fn();
    } catch (const DomainError &e) {
        return e.code();
    }
    return {};
}

QStringList treeOf(const QString &dir)
{
    QStringList out;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<missing>");
}

PathParts P(const char *s)
{
    return paths::parse(QString::fromUtf8(s));
}
} // namespace

class TestVolumeSandbox : public QObject
{
    Q_OBJECT

  private:
    QTemporaryDir m_base;
    QString m_root, m_outside, m_canary;
    struct timespec m_canaryMtime
    {
    };
    QStringList m_outsideTree, m_baseTop;
    std::unique_ptr<QuotaTracker> m_quota;

    std::shared_ptr<Sandbox> sandbox()
    {
        QFETCH_GLOBAL(bool, walk);
        return std::make_shared<Sandbox>(m_root, walk ? Sandbox::Resolver::Walk : Sandbox::Resolver::Auto);
    }
    FileManager files() { return FileManager(sandbox(), *m_quota, QStringLiteral("vol")); }
    QString in(const char *rel) const { return m_root + QLatin1Char('/') + QString::fromUtf8(rel); }
    static void symlinkTo(const char *target, const QString &at)
    {
        QVERIFY(::symlink(target, QFile::encodeName(at).constData()) == 0);
    }
    static void writeFile(const QString &path, const QByteArray &data)
    {
        QDir().mkpath(QFileInfo(path).path());
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(data);
    }

  private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<bool>("walk");
        if (Sandbox::kernelHasOpenat2())
            QTest::newRow("openat2") << false;
        QTest::newRow("walk") << true;
    }

    void init()
    {
        QVERIFY(m_base.isValid());
        m_root = m_base.filePath(QStringLiteral("volume"));
        m_outside = m_base.filePath(QStringLiteral("outside"));
        QDir(m_root).removeRecursively();
        QDir(m_outside).removeRecursively();
        QVERIFY(QDir().mkpath(m_root));
        QVERIFY(QDir().mkpath(m_outside + QStringLiteral("/secret-dir")));
        m_canary = m_outside + QStringLiteral("/canary.txt");
        writeFile(m_canary, kCanary);
        writeFile(m_outside + QStringLiteral("/secret-dir/passwd"), "root:x:0:0\n");
        struct stat st
        {
        };
        QVERIFY(::stat(QFile::encodeName(m_canary).constData(), &st) == 0);
        m_canaryMtime = st.st_mtim;
        m_outsideTree = treeOf(m_outside);
        m_baseTop = QDir(m_base.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        m_quota = std::make_unique<QuotaTracker>();
        m_quota->track(QStringLiteral("vol"), m_root, std::nullopt, 0);
        Sandbox::setTestHook({});
    }

    void cleanup()
    {
        Sandbox::setTestHook({});
        // Nothing outside the volume changed, whatever the test did.
        QCOMPARE(readAll(m_canary), kCanary);
        struct stat st
        {
        };
        QVERIFY(::stat(QFile::encodeName(m_canary).constData(), &st) == 0);
        QCOMPARE(st.st_mtim.tv_sec, m_canaryMtime.tv_sec);
        QCOMPARE(st.st_mtim.tv_nsec, m_canaryMtime.tv_nsec);
        QCOMPARE(treeOf(m_outside), m_outsideTree);
        QCOMPARE(readAll(m_outside + QStringLiteral("/secret-dir/passwd")), QByteArray("root:x:0:0\n"));
        QCOMPARE(QDir(m_base.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 m_baseTop);
        m_quota.reset();
    }

    void refusesTraversalSyntax_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("dotdot") << QStringLiteral("../x");
        QTest::newRow("inner dotdot") << QStringLiteral("a/../../x");
        QTest::newRow("dotdot after dir") << QStringLiteral("a/..");
        QTest::newRow("only dotdot") << QStringLiteral("..");
        QTest::newRow("absolute") << QStringLiteral("/etc/passwd");
        QTest::newRow("root slash") << QStringLiteral("/");
        QTest::newRow("nul") << (QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
        QTest::newRow("long name") << QString(256, QLatin1Char('n'));
        QTest::newRow("long path") << (QString(200, QLatin1Char('d')) + QLatin1Char('/')).repeated(21);
        QTest::newRow("dotdot with dots") << QStringLiteral("./../x");
    }
    void refusesTraversalSyntax()
    {
        QFETCH(QString, path);
        QCOMPARE(statusOf([&] { paths::parse(path); }), 400);
        QCOMPARE(codeOf([&] { paths::parse(path); }), QStringLiteral("invalid_path"));
    }

    void encodedDotsAreLiteralNames_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("url-encoded") << QStringLiteral("%2e%2e");
        QTest::newRow("url-encoded slash") << QStringLiteral("%2e%2e%2fetc");
        QTest::newRow("double-encoded") << QStringLiteral("%252e%252e");
        QTest::newRow("backslash") << QStringLiteral("..\\..\\x");
        QTest::newRow("dots") << QStringLiteral("...");
    }
    void encodedDotsAreLiteralNames()
    {
        QFETCH(QString, path);
        const PathParts parts = paths::parse(path);
        QCOMPARE(parts.size(), 1);
        QCOMPARE(QString::fromUtf8(parts.first()), path); // never decoded here
        files().write(parts, "literal");
        QCOMPARE(readAll(m_root + QLatin1Char('/') + path), QByteArray("literal"));
    }

    void normalizesHarmlessSyntax()
    {
        QCOMPARE(P("./a//b/"), (PathParts{"a", "b"}));
        QVERIFY(P("").isEmpty());
        QVERIFY(P(".").isEmpty());
    }

    void symlinkToEtcIsRefused()
    {
        symlinkTo("/etc", in("etc"));
        symlinkTo(QFile::encodeName(m_outside).constData(), in("out"));
        auto sb = sandbox();
        auto fm = files();
        for (const char *p : {"etc/passwd", "out/canary.txt", "out/secret-dir/passwd"}) {
            QCOMPARE(codeOf([&] { sb->openRegular(P(p)); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.write(P(p), "pwned"); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.chmod(P(p), 0777); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.remove(P(p)); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.copy(P(p), P("stolen")); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.rename(P(p), P("stolen")); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.rename(P("x"), P(p)); }), QStringLiteral("file_not_found"));
        }
        QCOMPARE(codeOf([&] { fm.list(P("etc")); }), QStringLiteral("invalid_path"));
        QCOMPARE(codeOf([&] { fm.list(P("out")); }), QStringLiteral("invalid_path"));
        QCOMPARE(codeOf([&] { fm.makeDirectory(P("out/newdir")); }), QStringLiteral("invalid_path"));
        // Writing to the link itself follows it: refused too.
        QCOMPARE(codeOf([&] { fm.write(P("out"), "x"); }), QStringLiteral("invalid_path"));
        QVERIFY(!QFile::exists(in("stolen")));
    }

    void relativeLinksLeavingAreRefused()
    {
        QDir().mkpath(in("sub/deep"));
        symlinkTo("../outside", in("up"));                  // one level out
        symlinkTo("../../outside/canary.txt", in("sub/c")); // out via ..
        symlinkTo("l2", in("l1"));                          // chain: l1 -> l2 -> sub/../.. -> out
        symlinkTo("sub/../..", in("l2"));
        symlinkTo("../../../", in("sub/deep/esc"));
        symlinkTo("loop2", in("loop1"));
        symlinkTo("loop1", in("loop2"));
        auto sb = sandbox();
        for (const char *p :
             {"up/canary.txt", "sub/c", "l1/outside/canary.txt", "sub/deep/esc/outside/canary.txt"})
            QCOMPARE(codeOf([&] { sb->openRegular(P(p)); }), QStringLiteral("invalid_path"));
        QCOMPARE(statusOf([&] { sb->openRegular(P("loop1")); }), 400);
        auto fm = files();
        QCOMPARE(codeOf([&] { fm.write(P("sub/c"), "pwned"); }), QStringLiteral("invalid_path"));
        QCOMPARE(codeOf([&] { fm.write(P("l1/outside/new.txt"), "pwned"); }), QStringLiteral("invalid_path"));
        QCOMPARE(codeOf([&] { fm.copy(P("up"), P("copied")); }), QString()); // copies the link as a link
        QFileInfo copied(in("copied"));
        QVERIFY(copied.isSymLink());
    }

    void inVolumeLinksKeepWorking()
    {
        writeFile(in("real/file.txt"), "inside");
        QDir().mkpath(in("sub"));
        symlinkTo("real", in("link"));
        symlinkTo("../real/file.txt", in("sub/back"));
        symlinkTo("sub/../real", in("twisty"));
        auto sb = sandbox();
        auto fm = files();
        for (const char *p : {"link/file.txt", "sub/back", "twisty/file.txt", "real/file.txt"}) {
            UniqueFd fd = sb->openRegular(P(p));
            char buf[16] = {};
            QCOMPARE(::read(fd.get(), buf, sizeof buf), 6);
            QCOMPARE(QByteArray(buf), QByteArray("inside"));
        }
        fm.write(P("link/new.txt"), "through a dir link");
        QCOMPARE(readAll(in("real/new.txt")), QByteArray("through a dir link"));
        fm.write(P("sub/back"), "through a file link");
        QCOMPARE(readAll(in("real/file.txt")), QByteArray("through a file link"));
        QVERIFY(QFileInfo(in("sub/back")).isSymLink()); // the link itself survives
        const auto listing = fm.list(P("link"));
        QCOMPARE(listing.size(), 2);
        // Deleting a link removes the link, never the target.
        fm.remove(P("link"));
        QVERIFY(!QFileInfo::exists(in("link")) && !QFileInfo(in("link")).isSymLink());
        QVERIFY(QFile::exists(in("real/new.txt")));
    }

    void fifosAndDevicesAreRefused()
    {
        QVERIFY(::mkfifo(QFile::encodeName(in("fifo")).constData(), 0644) == 0);
        const bool haveDevice =
            ::mknod(QFile::encodeName(in("null")).constData(), S_IFCHR | 0666, makedev(1, 3)) == 0;
        auto sb = sandbox();
        auto fm = files();
        QStringList targets{QStringLiteral("fifo")};
        if (haveDevice)
            targets << QStringLiteral("null");
        for (const QString &t : targets) {
            const PathParts p = paths::parse(t);
            QCOMPARE(codeOf([&] { sb->openRegular(p); }),
                     QStringLiteral("invalid_path")); // and did not block
            QCOMPARE(codeOf([&] { fm.write(p, "x"); }), QStringLiteral("invalid_path"));
            QCOMPARE(codeOf([&] { fm.chmod(p, 0777); }), QStringLiteral("invalid_path"));
        }
        // Copying a tree skips them instead of opening them.
        QDir().mkpath(in("tree"));
        QVERIFY(::mkfifo(QFile::encodeName(in("tree/fifo")).constData(), 0644) == 0);
        writeFile(in("tree/ok.txt"), "ok");
        fm.copy(P("tree"), P("tree2"));
        QVERIFY(QFile::exists(in("tree2/ok.txt")));
        QVERIFY(!QFileInfo::exists(in("tree2/fifo")));
    }

    void deleteNeverFollowsLinks()
    {
        QDir().mkpath(in("victim"));
        symlinkTo(QFile::encodeName(m_outside).constData(), in("victim/abs"));
        symlinkTo("../../outside", in("victim/rel"));
        writeFile(in("victim/own.txt"), "mine");
        auto fm = files();
        fm.remove(P("victim"));
        QVERIFY(!QFileInfo::exists(in("victim")));
    }

    void swappedDirectoryAfterResolveRedirectsNothing()
    {
        // The directory is replaced by a link to the outside right after the sandbox resolved it and
        // before the operation uses it: the operation must land in the original directory.
        QDir().mkpath(in("dir"));
        writeFile(in("dir/keep.txt"), "keep");
        bool swapped = false;
        const QString dir = in("dir"), moved = in("dir.moved");
        Sandbox::setTestHook([&](const char *stage) {
            if (swapped || qstrcmp(stage, "leaf") != 0)
                return;
            swapped = true;
            QVERIFY(::rename(QFile::encodeName(dir).constData(), QFile::encodeName(moved).constData()) == 0);
            QVERIFY(::symlink(QFile::encodeName(m_outside).constData(), QFile::encodeName(dir).constData()) ==
                    0);
        });
        auto fm = files();
        fm.write(P("dir/canary.txt"), "pwned");
        QVERIFY(swapped);
        QCOMPARE(readAll(moved + QStringLiteral("/canary.txt")), QByteArray("pwned"));

        auto reset = [&] {
            Sandbox::setTestHook({});
            QFile::remove(dir);
            QDir(moved).removeRecursively();
            QDir().mkpath(dir);
            writeFile(dir + QStringLiteral("/canary.txt"), "inner");
            writeFile(dir + QStringLiteral("/secret-dir/passwd"), "inner");
            swapped = false;
        };
        const char *swapAt = "leaf";
        const auto hook = [&](const char *stage) {
            if (swapped || qstrcmp(stage, swapAt) != 0)
                return;
            swapped = true;
            ::rename(QFile::encodeName(dir).constData(), QFile::encodeName(moved).constData());
            ::symlink(QFile::encodeName(m_outside).constData(), QFile::encodeName(dir).constData());
        };
        const QList<QPair<const char *, std::function<void()>>> ops = {
            {"leaf", [&] { fm.remove(P("dir/canary.txt")); }},
            {"leaf", [&] { fm.remove(P("dir/secret-dir")); }},
            {"resolved", [&] { fm.chmod(P("dir/canary.txt"), 0777); }},
            {"leaf", [&] { fm.rename(P("dir/canary.txt"), P("taken.txt")); }},
            {"leaf", [&] { fm.makeDirectory(P("dir/newdir")); }},
            {"leaf", [&] { fm.copy(P("dir/canary.txt"), P("copy.txt")); }},
            {"leaf", [&] { fm.write(P("dir/secret-dir/passwd"), "pwned"); }},
            {"resolved", [&] { fm.list(P("dir/secret-dir")); }},
            {"resolved",
             [&] {
                 UniqueFd fd = sandbox()->openRegular(P("dir/canary.txt"));
                 char buf[64] = {};
                 QVERIFY(::read(fd.get(), buf, sizeof buf) > 0);
                 QCOMPARE(QByteArray(buf), QByteArray("inner"));
             }},
        };
        for (const auto &[stage, op] : ops) {
            reset();
            swapAt = stage;
            Sandbox::setTestHook(hook);
            const int status = statusOf(op);
            QVERIFY2(status == 0, QByteArray::number(status).constData()); // done, on the original directory
            QVERIFY(swapped);
            Sandbox::setTestHook({});
        }
    }

    void swappedComponentDuringWalkIsCaught()
    {
        QFETCH_GLOBAL(bool, walk);
        if (!walk)
            QSKIP("openat2 resolves in one atomic call; covered by the post-resolve swap");
        QDir().mkpath(in("a/b"));
        writeFile(in("a/b/file.txt"), "inner");
        int steps = 0;
        Sandbox::setTestHook([&](const char *stage) {
            if (qstrcmp(stage, "walk") != 0 || ++steps != 2)
                return;
            // Between opening "a" and "b": replace a/b by a link leaving the volume.
            QDir(in("a/b")).removeRecursively();
            ::symlink("../../outside/secret-dir", QFile::encodeName(in("a/b")).constData());
        });
        const QString code = codeOf([&] { sandbox()->openRegular(P("a/b/passwd")); });
        QCOMPARE(code, QStringLiteral("invalid_path"));
    }

    void racingSwapsNeverEscape()
    {
        // A thread flips "race" between a real directory and a link to the outside as fast as it
        // can while the sandbox writes, reads and deletes through it.
        QDir().mkpath(in("race.real"));
        const QByteArray race = QFile::encodeName(in("race")), real = QFile::encodeName(in("race.real")),
                         tmp = QFile::encodeName(in("race.tmp")), out = QFile::encodeName(m_outside);
        ::symlink("race.real", race.constData());
        std::atomic<bool> stop{false};
        std::thread flipper([&] {
            bool toOut = true;
            while (!stop.load()) {
                ::unlink(tmp.constData());
                ::symlink(toOut ? out.constData() : "race.real", tmp.constData());
                ::rename(tmp.constData(), race.constData());
                toOut = !toOut;
            }
        });
        auto fm = files();
        auto sb = sandbox();
        for (int i = 0; i < 2000; ++i) {
            statusOf([&] { fm.write(P("race/canary.txt"), "pwned"); });
            statusOf([&] { fm.remove(P("race/secret-dir")); });
            statusOf([&] { fm.chmod(P("race/canary.txt"), 0777); });
            statusOf([&] {
                UniqueFd fd = sb->openRegular(P("race/secret-dir/passwd"));
                QFAIL("read a file outside the volume");
            });
        }
        stop = true;
        flipper.join();
    }

    void quotaRefusesAndKeepsOldFile()
    {
        m_quota->track(QStringLiteral("vol"), m_root, 1, 0); // 1 MiB
        auto fm = files();
        fm.write(P("f.txt"), QByteArray(600 * 1024, 'a'));
        QCOMPARE(m_quota->usedBytes(QStringLiteral("vol")), 600 * 1024);
        fm.write(P("f.txt"), QByteArray(900 * 1024, 'b')); // replaces: final usage fits
        QCOMPARE(m_quota->usedBytes(QStringLiteral("vol")), 900 * 1024);
        QCOMPARE(statusOf([&] { fm.write(P("g.txt"), QByteArray(200 * 1024, 'c')); }), 507);
        QCOMPARE(statusOf([&] { fm.write(P("f.txt"), QByteArray(1100 * 1024, 'c')); }), 507);
        QCOMPARE(readAll(in("f.txt")), QByteArray(900 * 1024, 'b'));
        QVERIFY(!QFile::exists(in("g.txt")));
        QCOMPARE(statusOf([&] { fm.copy(P("f.txt"), P("f2.txt")); }), 507);
        QCOMPARE(m_quota->usedBytes(QStringLiteral("vol")), 900 * 1024);
        fm.remove(P("f.txt"));
        QCOMPARE(m_quota->usedBytes(QStringLiteral("vol")), 0);
        QCOMPARE(QDir(m_root).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList());
    }

    void quotaWalkNoticesOutsideWrites()
    {
        m_quota->track(QStringLiteral("vol"), m_root, 1, 0);
        QSignalSpy exceeded(m_quota.get(), &QuotaTracker::quotaExceeded);
        writeFile(in("deep/a/b/big.bin"), QByteArray(2 * 1024 * 1024, 'x'));
        symlinkTo("../outside", in("outlink")); // never followed by the walk
        QVERIFY(m_quota->refreshNow());
        QTRY_VERIFY_WITH_TIMEOUT(!m_quota->isRefreshing(), 10000);
        QCOMPARE(m_quota->usedBytes(QStringLiteral("vol")), 2 * 1024 * 1024);
        QCOMPARE(exceeded.size(), 1);
        QCOMPARE(exceeded.first().first().toString(), QStringLiteral("vol"));
    }
};

QTEST_GUILESS_MAIN(TestVolumeSandbox)
#include "tst_volume_sandbox.moc"
