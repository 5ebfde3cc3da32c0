#include "metrics/TextWriter.h"

#include <cmath>

namespace lightd::metrics {
void TextWriter::family(const QByteArray &name, const QByteArray &type, const QByteArray &help)
{
    if (m_declared.contains(name))
        return;
    m_declared.insert(name);
    m_out += "# HELP " + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

QByteArray TextWriter::escape(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray TextWriter::number(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        return QByteArray::number(qint64(value));
    return QByteArray::number(value, 'g', 12);
}

void TextWriter::sample(const QByteArray &name, const Labels &labels, double value)
{
    m_out += name;
    if (!labels.isEmpty()) {
        m_out += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i)
                m_out += ',';
            m_out += labels[i].first + "=\"" + escape(labels[i].second) + '"';
        }
        m_out += '}';
    }
    m_out += ' ' + number(value) + '\n';
}
} // namespace lightd::metrics
