#include "pages/BillingPage.h"

#include "lightd/ApiClient.h"
#include "models/Format.h"
#include "models/UsageModel.h"
#include "widgets/AdaptiveRow.h"
#include "widgets/TableView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QValueAxis>
#include <memory>

namespace lightd::gui {
BillingPage::BillingPage(QWidget *parent)
    : Page(tr("Billing"), tr("What the node charges and what each container has used."), parent),
      m_result(new QTableWidget(5, 3, this)), m_period(new QComboBox(this)), m_usage(new UsageModel(this)),
      m_usageView(new TableView(this)), m_chart(new QChart), m_bars(new QBarSeries),
      m_categories(new QBarCategoryAxis), m_costAxis(new QValueAxis), m_historyContainer(new QComboBox(this)),
      m_historyMetric(new QComboBox(this)), m_historyChart(new QChart), m_historyLine(new QLineSeries),
      m_timeAxis(new QDateTimeAxis), m_historyAxis(new QValueAxis)
{
    // Rates beside the estimator where there is room, above it on a small screen; the page scrolls
    // when the stack is taller than the window.
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(14);
    auto *top = new AdaptiveRow(content);
    top->addWidget(buildRates());
    top->addWidget(buildEstimator(), 1);
    column->addWidget(top);
    column->addWidget(buildUsage(), 1);
    column->addWidget(buildHistory(), 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    setContent(scroll);
    setPollInterval(10000); // rates and usage move slowly
}

QString BillingPage::featureName() const
{
    return tr("Billing");
}

QString BillingPage::missingFeatureLine() const
{
    return tr("This node does not meter usage: it has no billing.");
}

QWidget *BillingPage::buildRates()
{
    auto *box = new QGroupBox(tr("Rates"), this);
    auto *form = new QFormLayout(box);
    const QString names[4] = {tr("Memory, per GB-hour"), tr("CPU, per vCPU-hour"), tr("Storage, per GB-hour"),
                              tr("Egress, per GB")};
    for (int i = 0; i < 4; ++i) {
        m_rateLabels[i] = new QLabel(QStringLiteral("—"), box);
        m_rateLabels[i]->setObjectName(QStringLiteral("rateValue"));
        form->addRow(names[i], m_rateLabels[i]);
    }
    return box;
}

QWidget *BillingPage::buildEstimator()
{
    auto *box = new QGroupBox(tr("Estimate a server"), this);
    // The inputs beside the result where there is room, above it otherwise.
    auto *layout = new QVBoxLayout(box);
    auto *row = new AdaptiveRow(box);
    auto *inputs = new QWidget(box);
    auto *form = new QFormLayout(inputs);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    const QString names[4] = {tr("Memory"), tr("CPU"), tr("Storage"), tr("Egress per month")};
    const QString suffixes[4] = {tr(" GB"), tr(" vCPU"), tr(" GB"), tr(" GB")};
    const double defaults[4] = {4, 2, 20, 100};
    for (int i = 0; i < 4; ++i) {
        m_inputs[i] = new QDoubleSpinBox(box);
        m_inputs[i]->setRange(0, 100000);
        m_inputs[i]->setDecimals(1);
        m_inputs[i]->setSuffix(suffixes[i]);
        m_inputs[i]->setValue(defaults[i]);
        form->addRow(names[i], m_inputs[i]);
    }
    auto *calc = new QPushButton(tr("Calculate"), box);
    calc->setDefault(true);
    form->addRow(calc);
    connect(calc, &QPushButton::clicked, this, &BillingPage::estimate);
    row->addWidget(inputs, 0, Qt::AlignLeft | Qt::AlignTop); // stacked, the fields keep their width

    m_result->setHorizontalHeaderLabels({tr("Hourly"), tr("Daily"), tr("Monthly")});
    m_result->setVerticalHeaderLabels({tr("Memory"), tr("CPU"), tr("Storage"), tr("Egress"), tr("Total")});
    m_result->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_result->setSelectionMode(QAbstractItemView::NoSelection);
    m_result->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Every row and whole column titles in any language ("Stündlich"): the table is small, never scroll it.
    m_result->ensurePolished();
    int columns = 0;
    for (int c = 0; c < m_result->columnCount(); ++c)
        columns += qMax(m_result->horizontalHeader()->sectionSizeHint(c), 80);
    const int frame = 2 * m_result->frameWidth();
    m_result->setMinimumSize(m_result->verticalHeader()->sizeHint().width() + columns + frame,
                             m_result->horizontalHeader()->sizeHint().height() +
                                 m_result->verticalHeader()->length() + frame);
    row->addWidget(m_result, 1);
    layout->addWidget(row);
    return box;
}

QWidget *BillingPage::buildUsage()
{
    auto *box = new QGroupBox(tr("Usage per container"), this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Period"), box));
    m_period->addItem(tr("Last hour"), QStringLiteral("hourly"));
    m_period->addItem(tr("Last 24 hours"), QStringLiteral("daily"));
    m_period->addItem(tr("Last 30 days"), QStringLiteral("monthly"));
    m_period->setCurrentIndex(1);
    row->addWidget(m_period);
    row->addStretch();
    layout->addLayout(row);
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        m_usage->clear();
        refresh();
    });
    auto *split = new QHBoxLayout;
    m_usageView->setSourceModel(m_usage, UsageModel::CostColumn);
    split->addWidget(m_usageView, 3);
    m_chart->addSeries(m_bars);
    m_chart->addAxis(m_categories, Qt::AlignBottom);
    m_chart->addAxis(m_costAxis, Qt::AlignLeft);
    m_bars->attachAxis(m_categories);
    m_bars->attachAxis(m_costAxis);
    m_chart->legend()->hide();
    m_chart->setTitle(tr("Estimated cost"));
    m_chart->setBackgroundVisible(false);
    auto *view = new QChartView(m_chart, box);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    split->addWidget(view, 2);
    layout->addLayout(split, 1);
    connect(m_usage, &QAbstractItemModel::dataChanged, this, &BillingPage::updateChart);
    connect(m_usage, &QAbstractItemModel::rowsInserted, this, &BillingPage::updateChart);
    connect(m_usage, &QAbstractItemModel::rowsRemoved, this, &BillingPage::updateChart);
    connect(m_usage, &QAbstractItemModel::modelReset, this, &BillingPage::updateChart);
    return box;
}

QWidget *BillingPage::buildHistory()
{
    auto *box = new QGroupBox(tr("Over time"), this);
    auto *layout = new QVBoxLayout(box);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Container"), box));
    m_historyContainer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    row->addWidget(m_historyContainer);
    row->addWidget(new QLabel(tr("Show"), box));
    m_historyMetric->addItems(
        {tr("Cost"), tr("Memory (GB)"), tr("CPU (vCPU)"), tr("Storage (GB)"), tr("Egress (GB)")});
    row->addWidget(m_historyMetric);
    row->addStretch();
    layout->addLayout(row);
    m_historyChart->addSeries(m_historyLine);
    m_historyChart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_historyChart->addAxis(m_historyAxis, Qt::AlignLeft);
    m_historyLine->attachAxis(m_timeAxis);
    m_historyLine->attachAxis(m_historyAxis);
    m_historyLine->setColor(QColor(0x25, 0x63, 0xeb));
    m_historyChart->legend()->hide();
    m_historyChart->setBackgroundVisible(false);
    auto *view = new QChartView(m_historyChart, box);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    layout->addWidget(view, 1);
    connect(m_historyContainer, &QComboBox::currentIndexChanged, this, &BillingPage::loadHistory);
    connect(m_historyMetric, &QComboBox::currentIndexChanged, this, &BillingPage::showHistory);
    return box;
}

void BillingPage::loadHistory()
{
    const QString id = m_historyContainer->currentText();
    if (!client() || id.isEmpty())
        return;
    client()->billingSeries(id, m_period->currentData().toString(),
                            guarded<UsageSeriesDto>([this, id](const ApiResult<UsageSeriesDto> &r) {
                                if (!r.ok() || id != m_historyContainer->currentText())
                                    return;
                                m_history = *r;
                                showHistory();
                            }));
}

void BillingPage::showHistory()
{
    const int metric = m_historyMetric->currentIndex();
    QList<QPointF> points;
    double max = 0;
    for (const UsagePointDto &p : m_history.points) {
        const double values[5] = {p.cost, p.memoryGb, p.cpuVcpus, p.storageGb, p.egressGb};
        points.append({double(p.timestamp) * 1000.0, values[qBound(0, metric, 4)]});
        max = qMax(max, points.last().y());
    }
    m_historyLine->replace(points);
    m_historyChart->setTitle(m_historyMetric->currentText());
    if (!points.isEmpty()) {
        m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(points.first().x())),
                             QDateTime::fromMSecsSinceEpoch(qint64(points.last().x())));
        m_timeAxis->setFormat(m_period->currentIndex() == 0 ? QStringLiteral("HH:mm")
                                                            : QStringLiteral("dd.MM HH:mm"));
    }
    m_historyAxis->setRange(0, max > 0 ? max * 1.15 : 1);
}

void BillingPage::poll()
{
    client()->billingRates(guarded<BillingRatesDto>([this](const ApiResult<BillingRatesDto> &r) {
        if (!r.ok())
            return finishPoll(&r.error);
        showRates(*r);
        finishPoll(nullptr);
        if (m_tick++ == 0)
            estimate();
        client()->billingContainers(guarded<QStringList>([this](const ApiResult<QStringList> &c) {
            if (!c.ok())
                return;
            loadUsage(*c);
            const QString current = m_historyContainer->currentText();
            QStringList shown;
            for (int i = 0; i < m_historyContainer->count(); ++i)
                shown << m_historyContainer->itemText(i);
            if (shown != *c) {
                const QSignalBlocker block(m_historyContainer);
                m_historyContainer->clear();
                m_historyContainer->addItems(*c);
                m_historyContainer->setCurrentIndex(qMax(0, int(c->indexOf(current))));
            }
            loadHistory();
        }));
    }));
}

void BillingPage::clearData()
{
    for (QLabel *l : m_rateLabels)
        l->setText(QStringLiteral("—"));
    m_usage->clear();
    m_result->clearContents();
    m_historyContainer->clear();
    m_history = {};
    showHistory();
    m_tick = 0;
}

void BillingPage::showRates(const BillingRatesDto &rates)
{
    const double values[4] = {rates.memoryPerGbHour, rates.cpuPerVcpuHour, rates.storagePerGbHour,
                              rates.egressPerGb};
    for (int i = 0; i < 4; ++i)
        m_rateLabels[i]->setText(format::money(values[i]));
}

void BillingPage::estimate()
{
    if (!client())
        return;
    EstimateRequestDto request{m_inputs[0]->value(), m_inputs[1]->value(), m_inputs[2]->value(),
                               m_inputs[3]->value()};
    client()->billingEstimate(request,
                              guarded<BillingEstimateDto>([this](const ApiResult<BillingEstimateDto> &r) {
                                  if (reportResult(tr("The estimate"), r.error, r.ok()))
                                      showEstimate(*r);
                              }));
}

void BillingPage::showEstimate(const BillingEstimateDto &estimate)
{
    const QString keys[4] = {QStringLiteral("memory"), QStringLiteral("cpu"), QStringLiteral("storage"),
                             QStringLiteral("egress")};
    auto setRow = [this](int row, const CostDto &c) {
        const double values[3] = {c.hourly, c.daily, c.monthly};
        for (int col = 0; col < 3; ++col) {
            auto *item = new QTableWidgetItem(format::money(values[col]));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row == 4) {
                QFont f = item->font();
                f.setBold(true);
                item->setFont(f);
            }
            m_result->setItem(row, col, item);
        }
    };
    for (int i = 0; i < 4; ++i)
        setRow(i, estimate.breakdown.value(keys[i]));
    setRow(4, estimate.total);
}

void BillingPage::loadUsage(const QStringList &containers)
{
    // Collect every container's answer, then merge once so the table updates in one step.
    auto collected = std::make_shared<QList<UsageDto>>();
    auto pending = std::make_shared<int>(int(containers.size()));
    if (containers.isEmpty())
        return m_usage->setRows({});
    const QString period = m_period->currentData().toString();
    for (const QString &id : containers) {
        client()->billingUsage(
            id, period, guarded<UsageDto>([this, id, collected, pending](const ApiResult<UsageDto> &r) {
                if (r.ok()) {
                    UsageDto u = *r;
                    u.containerId = id; // the key is the internal id, whatever the node echoes
                    collected->append(u);
                }
                if (--*pending == 0)
                    m_usage->setRows(*collected);
            }));
    }
}

void BillingPage::updateChart()
{
    m_bars->clear();
    auto *set = new QBarSet(tr("Cost"));
    set->setColor(QColor(0x25, 0x63, 0xeb));
    QStringList names;
    double max = 0;
    for (const UsageDto &u : m_usage->rows()) {
        names << u.containerId;
        *set << u.estimatedCost;
        max = qMax(max, u.estimatedCost);
    }
    m_bars->append(set);
    m_categories->clear();
    m_categories->append(names);
    m_costAxis->setRange(0, max > 0 ? max * 1.15 : 1);
}
} // namespace lightd::gui
