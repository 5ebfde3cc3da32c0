// QuotaTracker's walk against API writes: a walk that overlaps a write under way (its temp file on
// disk, its count not final) is not applied; the next walk, with no write under way, is.
#include "volumes/QuotaTracker.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace lightd::volumes;

namespace {
const QString kVol = QStringLiteral("vol");

void writeFile(const QString &path, qsizetype size)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(QByteArray(size, 'x')), qint64(size));
}

bool walk(QuotaTracker &q)
{
    QSignalSpy done(&q, &QuotaTracker::refreshFinished);
    return q.refreshNow() && done.wait(10000);
}
} // namespace

class TestQuotaTracker : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void walkWithNoWriteUnderWayIsApplied()
    {
        QTemporaryDir dir;
        QuotaTracker q;
        q.track(kVol, dir.path(), 1, 0);
        writeFile(dir.filePath(QStringLiteral("by-container.bin")), 3000);
        QVERIFY(walk(q));
        QCOMPARE(q.usedBytes(kVol), 3000);
    }

    // What PUT files/content does when it replaces a 1000-byte file by a 2000-byte one: the new
    // bytes are charged (old ones as credit) while written to a temp file, the temp file is renamed
    // over the old one, then the old bytes are credited. A walk between the rename and the credit
    // sees 2000 bytes on disk while the count says 3000 (and will drop by 1000).
    void walkOverlappingAWriteIsNotApplied()
    {
        QTemporaryDir dir;
        QuotaTracker q;
        const QString target = dir.filePath(QStringLiteral("a.txt")),
                      temp = dir.filePath(QStringLiteral(".a.txt.tmp"));
        writeFile(target, 1000);
        q.track(kVol, dir.path(), 1, 1000);
        {
            const QuotaTracker::WriteScope scope(q, kVol);
            q.charge(kVol, 2000, 1000);
            writeFile(temp, 2000);
            QVERIFY(QFile::remove(target));
            QVERIFY(QFile::rename(temp, target));
            QVERIFY(walk(q));
            QCOMPARE(q.usedBytes(kVol), 3000); // not the walk's 2000
            q.add(kVol, -1000);
        }
        QCOMPARE(q.usedBytes(kVol), 2000);
        QVERIFY(walk(q));
        QCOMPARE(q.usedBytes(kVol), 2000);
    }
};

QTEST_GUILESS_MAIN(TestQuotaTracker)
#include "tst_quota_tracker.moc"
