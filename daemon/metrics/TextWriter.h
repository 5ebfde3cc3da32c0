#pragma once
#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace lightd::metrics {
using Labels = QList<QPair<QByteArray, QString>>;

// Prometheus text exposition format 0.0.4: one # HELP / # TYPE block per family, then its samples.
// Label values are escaped (backslash, quote, newline); a family is declared once however many
// collectors write samples of it.
class TextWriter
{
  public:
    void family(const QByteArray &name, const QByteArray &type, const QByteArray &help);
    void sample(const QByteArray &name, const Labels &labels, double value);
    void sample(const QByteArray &name, double value) { sample(name, {}, value); }
    QByteArray text() const { return m_out; }

    static QByteArray escape(const QString &value);
    static QByteArray number(double value);

  private:
    QByteArray m_out;
    QSet<QByteArray> m_declared;
};
} // namespace lightd::metrics
