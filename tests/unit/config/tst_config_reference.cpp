// docs/config.md against the config schema: every key in daemon/config/Config.cpp has one row there
// with its default, and every row there is a key the daemon knows. The failure messages say what to
// write, so whoever adds a key knows how to document it.
#include "config/Config.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTest>

using namespace lightd;

namespace {
struct Row
{
    QString type, defaultCell, effect;
    int line = 0;
};

QString docPath()
{
    return qEnvironmentVariable("LIGHTD_SOURCE_DIR") + QStringLiteral("/docs/config.md");
}

QJsonValue lookup(const QJsonObject &root, const QString &dotted)
{
    QJsonValue v = root;
    for (const auto &p : dotted.split(QLatin1Char('.')))
        v = v.toObject().value(p);
    return v;
}

// The value as JSON text, the way the Default column writes it: `8070`, `"0.0.0.0"`, `[]`.
QString jsonText(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(a.mid(1, a.size() - 2));
}

// True when one `...` span of the cell parses as JSON equal to v (so `0.0001` matches 1e-04).
bool cellHolds(const QString &cell, const QJsonValue &v)
{
    const QStringList parts = cell.split(QLatin1Char('`'));
    for (qsizetype i = 1; i < parts.size(); i += 2) {
        QJsonParseError err{};
        const auto doc = QJsonDocument::fromJson("[" + parts[i].toUtf8() + "]", &err);
        if (err.error == QJsonParseError::NoError && doc.array().size() == 1 && doc.array().at(0) == v)
            return true;
    }
    return false;
}
} // namespace

class TestConfigReference : public QObject
{
    Q_OBJECT
    QMap<QString, Row> m_rows;
    QStringList m_duplicates;

  private Q_SLOTS:
    void initTestCase()
    {
        QFile f(docPath());
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(docPath() + QStringLiteral(" is missing")));
        int n = 0;
        for (const QByteArray &raw : f.readAll().split('\n')) {
            ++n;
            const QString line = QString::fromUtf8(raw).trimmed();
            if (!line.startsWith(QLatin1StringView("| `")))
                continue;
            QStringList cells = line.mid(1, line.size() - 2).split(QLatin1Char('|'));
            QVERIFY2(cells.size() == 4,
                     qPrintable(QStringLiteral("docs/config.md:%1: a key row needs 4 cells "
                                               "(Key | Type | Default | Effect), got %2")
                                    .arg(n)
                                    .arg(cells.size())));
            for (auto &c : cells)
                c = c.trimmed();
            const QString key = cells[0].mid(1, cells[0].size() - 2);
            if (m_rows.contains(key))
                m_duplicates.append(key);
            m_rows.insert(key, Row{cells[1], cells[2], cells[3], n});
        }
        QVERIFY2(!m_rows.isEmpty(), "docs/config.md has no key rows");
    }

    void everySchemaKeyIsDocumented()
    {
        const QJsonObject defaults = config::defaults(QStringLiteral("/tmp"));
        QStringList missing;
        for (const QString &key : config::keyNames()) {
            if (!m_rows.contains(key))
                missing.append(QStringLiteral("  | `%1` | <type> | `%2` | <what it changes> |")
                                   .arg(key, jsonText(lookup(defaults, key))));
        }
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("config keys of daemon/config/Config.cpp missing from docs/config.md; "
                                      "add these rows under their section and fill in type and effect:\n") +
                       missing.join(QLatin1Char('\n'))));
    }

    void everyDocumentedKeyExists()
    {
        const QStringList known = config::keyNames();
        QStringList stale;
        for (auto it = m_rows.constBegin(); it != m_rows.constEnd(); ++it) {
            if (!known.contains(it.key()))
                stale.append(QStringLiteral("  docs/config.md:%1: `%2`").arg(it.value().line).arg(it.key()));
        }
        QVERIFY2(stale.isEmpty(),
                 qPrintable(QStringLiteral("docs/config.md documents keys the daemon does not know "
                                           "(renamed or removed?); fix or delete these rows:\n") +
                            stale.join(QLatin1Char('\n'))));
        QVERIFY2(m_duplicates.isEmpty(),
                 qPrintable(QStringLiteral("docs/config.md has more than one row for: ") +
                            m_duplicates.join(u' ')));
    }

    void defaultsAndEffectsMatch()
    {
        // Two calls differ only in what is generated fresh (the master token): that default is prose.
        const QJsonObject a = config::defaults(QStringLiteral("/tmp"));
        const QJsonObject b = config::defaults(QStringLiteral("/tmp"));
        QStringList wrong;
        for (const QString &key : config::keyNames()) {
            const auto it = m_rows.constFind(key);
            if (it == m_rows.constEnd())
                continue; // reported by everySchemaKeyIsDocumented
            const Row &row = it.value();
            if (row.type.isEmpty() || row.effect.size() < 10)
                wrong.append(
                    QStringLiteral("  docs/config.md:%1: `%2` needs a type and a sentence on its effect")
                        .arg(row.line)
                        .arg(key));
            const QJsonValue v = lookup(a, key);
            if (v.isUndefined()) {
                wrong.append(
                    QStringLiteral("  `%1` has no default in config::defaults() (daemon/config/Config.cpp)")
                        .arg(key));
                continue;
            }
            const QString expected = QLatin1Char('`') + jsonText(v) + QLatin1Char('`');
            if (v == lookup(b, key) && !cellHolds(row.defaultCell, v))
                wrong.append(
                    QStringLiteral(
                        "  docs/config.md:%1: `%2` default column says %3, the daemon's default is %4")
                        .arg(row.line)
                        .arg(key, row.defaultCell, expected));
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestConfigReference)
#include "tst_config_reference.moc"
