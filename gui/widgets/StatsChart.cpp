#include "widgets/StatsChart.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace lightd::gui {
StatsChart::StatsChart(const QString &title, const QString &unit, const QStringList &seriesNames,
                       const QList<QColor> &colors, QWidget *parent)
    : QWidget(parent), m_headline(new QLabel(this)), m_chart(new QChart), m_x(new QDateTimeAxis),
      m_y(new QValueAxis), m_unit(unit)
{
    setObjectName(QStringLiteral("statsCard"));
    setAttribute(Qt::WA_StyledBackground);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 8);
    auto *titleLabel = new QLabel(title, this);
    titleLabel->setObjectName(QStringLiteral("statsTitle"));
    m_headline->setObjectName(QStringLiteral("statsValue"));
    m_headline->setText(QStringLiteral("—"));
    layout->addWidget(titleLabel);
    layout->addWidget(m_headline);

    m_chart->legend()->setVisible(seriesNames.size() > 1);
    m_chart->legend()->setAlignment(Qt::AlignTop);
    m_chart->setMargins(QMargins(0, 0, 0, 0));
    m_chart->setBackgroundVisible(false);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_x->setFormat(QStringLiteral("HH:mm")); // fits a narrow card; the window is two minutes
    m_x->setTickCount(3);
    m_x->setGridLineVisible(false);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_x->setLabelsFont(small);
    m_y->setLabelsFont(small);
    const QDateTime now = QDateTime::currentDateTime();
    m_x->setRange(now.addSecs(-m_window), now);
    m_y->setTickCount(3);
    setYRange(1);
    m_y->setGridLineColor(QColor(0xe5, 0xe7, 0xeb));
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (qsizetype i = 0; i < seriesNames.size(); ++i) {
        auto *series = new QLineSeries;
        series->setName(seriesNames.at(i));
        QPen pen(colors.value(i, QColor(0x25, 0x63, 0xeb)));
        pen.setWidthF(2);
        series->setPen(pen);
        m_chart->addSeries(series);
        series->attachAxis(m_x);
        series->attachAxis(m_y);
        m_series.append(series);
    }
    auto *view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(150);
    layout->addWidget(view, 1);
}

void StatsChart::add(qint64 atMs, const QList<double> &values, const QString &headline)
{
    m_headline->setText(headline);
    double max = m_fixedMax > 0 ? m_fixedMax : 0;
    const double x = double(atMs);
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        QLineSeries *s = m_series.at(i);
        s->append(x, values.value(i));
        while (s->count() > 0 && s->at(0).x() < x - m_window * 1000.0)
            s->remove(0);
        if (m_fixedMax <= 0)
            for (const QPointF &p : s->points())
                max = qMax(max, p.y() * 1.15);
    }
    setYRange(max);
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(atMs);
    m_x->setRange(at.addSecs(-m_window), at);
}

// Small ranges keep a decimal ("0.5 %", not "0, 0, 1"); the unit sits on every label.
void StatsChart::setYRange(double max)
{
    if (max <= 0)
        max = 1; // nothing yet (or all idle): a plain 0-1 scale, not "0.00, 0.00, 0.00"
    const int decimals = max < 0.3 ? 3 : max < 3 ? 2 : max < 30 ? 1 : 0;
    QString unit = m_unit;
    unit.replace(u'%', QStringLiteral("%%"));
    m_y->setLabelFormat(QStringLiteral("%.%1f %2").arg(decimals).arg(unit));
    m_y->setRange(0, max);
}

void StatsChart::clear()
{
    for (QLineSeries *s : m_series)
        s->clear();
    m_headline->setText(QStringLiteral("—"));
    setYRange(1);
}
} // namespace lightd::gui
