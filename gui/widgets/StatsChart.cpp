#include "widgets/StatsChart.h"

#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace lightd::gui {
StatsChart::StatsChart(const QString &title, const QStringList &seriesNames, const QList<QColor> &colors,
                       QWidget *parent)
    : QWidget(parent), m_headline(new QLabel(this)), m_chart(new QChart), m_x(new QValueAxis),
      m_y(new QValueAxis)
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
    m_x->setLabelsVisible(false);
    m_x->setGridLineVisible(false);
    m_x->setRange(0, m_window);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTickCount(3);
    m_y->setRange(0, 1);
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

void StatsChart::add(double seconds, const QList<double> &values, const QString &headline)
{
    m_headline->setText(headline);
    double max = m_fixedMax > 0 ? m_fixedMax : 1;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        QLineSeries *s = m_series.at(i);
        s->append(seconds, values.value(i));
        while (s->count() > 0 && s->at(0).x() < seconds - m_window)
            s->remove(0);
        if (m_fixedMax <= 0)
            for (const QPointF &p : s->points())
                max = qMax(max, p.y() * 1.15);
    }
    m_y->setRange(0, max);
    m_x->setRange(qMax(0.0, seconds - m_window), qMax(double(m_window), seconds));
}

void StatsChart::clear()
{
    for (QLineSeries *s : m_series)
        s->clear();
    m_headline->setText(QStringLiteral("—"));
}
} // namespace lightd::gui
