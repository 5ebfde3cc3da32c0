// The billing page against a real daemon that meters (issue 16's GUI part, API.md section 7): the
// rates the node is configured with, an estimate equal to the node's own POST /billing/estimate,
// and a running container's metered usage in the table, the cost chart and the history chart.
#include "GuiNode.h"
#include "lightd/ApiClient.h"
#include "models/Format.h"
#include "models/UsageModel.h"
#include "nodes/NodeConnection.h"
#include "pages/BillingPage.h"

#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDoubleSpinBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <memory>

using namespace lightd;
using namespace lightd::gui;
using lightd::test::awaitResult;
using lightd::test::GuiNode;
using lightd::test::waitUntil;

namespace {
const double kRates[4] = {0.01, 0.05, 0.005, 0.12}; // memory GB-h, vCPU-h, storage GB-h, egress GB

QChart *chartTitled(QWidget *page, const QString &title)
{
    for (QChartView *view : page->findChildren<QChartView *>())
        if (view->chart()->title() == title)
            return view->chart();
    return nullptr;
}
} // namespace

class TstGuiBilling : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    // A metering node (GuiNode: its first container busy and running, the second at rest).
    void initTestCase()
    {
        QString why;
        QVERIFY2(m_node.start(why), qPrintable(why));
        m_id = m_node.ids.at(0);
        m_page = std::make_unique<BillingPage>();
        new QAbstractItemModelTester(m_page->usageModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, m_page.get());
        m_page->setPollInterval(500);
        m_page->setConnection(m_node.node);
        m_page->resize(1280, 800);
        m_page->show();
    }

    // The four rates as the node has them, formatted as the page formats money.
    void ratesAreTheNodes()
    {
        QStringList want;
        for (double r : kRates)
            want << format::money(r);
        QStringList shown;
        QVERIFY2(waitUntil([&] {
                     shown.clear();
                     for (QLabel *l : m_page->findChildren<QLabel *>(QStringLiteral("rateValue")))
                         shown << l->text();
                     return shown == want;
                 }),
                 qPrintable(shown.join(u'|') + QStringLiteral(" != ") + want.join(u'|')));
        QVERIFY(!m_page->isUnavailable());
    }

    // The estimator's total is the node's: the same inputs through REST give the same figures.
    void estimateEqualsTheNodes()
    {
        const auto spins = m_page->findChildren<QDoubleSpinBox *>();
        QCOMPARE(spins.size(), 4);
        const double inputs[4] = {8, 3, 50, 250};
        for (int i = 0; i < 4; ++i)
            spins[i]->setValue(inputs[i]);
        m_page->estimate();
        auto rest = awaitResult<ApiResult<BillingEstimateDto>>([&](auto done) {
            m_node.daemon->client().billingEstimate(
                EstimateRequestDto{inputs[0], inputs[1], inputs[2], inputs[3]}, done);
        });
        QVERIFY(rest && rest->ok());
        QVERIFY((*rest)->total.monthly > 0);
        auto *table = m_page->findChild<QTableWidget *>();
        QVERIFY(table);
        const QString monthly = format::money((*rest)->total.monthly);
        QVERIFY2(waitUntil([&] { return table->item(4, 2) && table->item(4, 2)->text() == monthly; }),
                 qPrintable(table->item(4, 2) ? table->item(4, 2)->text() : QStringLiteral("(empty)")));
        QCOMPARE(table->item(0, 2)->text(),
                 format::money((*rest)->breakdown.value(QStringLiteral("memory")).monthly));
        QCOMPARE(table->item(1, 0)->text(),
                 format::money((*rest)->breakdown.value(QStringLiteral("cpu")).hourly));
    }

    // A running container's usage shows in the table and both charts once it has been metered.
    void meteredUsageShows()
    {
        UsageModel *usage = m_page->usageModel();
        const auto metered = [&] {
            for (const UsageDto &u : usage->rows())
                if (u.containerId == m_id)
                    return std::optional<UsageDto>(u);
            return std::optional<UsageDto>();
        };
        QVERIFY2(waitUntil(
                     [&] {
                         const auto u = metered();
                         return u && u->memoryGb > 0 && u->durationHours > 0 && u->estimatedCost > 0;
                     },
                     30000),
                 qPrintable(QString::number(usage->rowCount())));
        // The table's figures are the node's own for the same period (daily is the page's default).
        auto rest = awaitResult<ApiResult<UsageDto>>(
            [&](auto done) { m_node.daemon->client().billingUsage(m_id, QStringLiteral("daily"), done); });
        QVERIFY(rest && rest->ok());
        QVERIFY((*rest)->estimatedCost >= metered()->estimatedCost); // it only grows
        QChart *cost = chartTitled(m_page.get(), QStringLiteral("Estimated cost"));
        QVERIFY(cost);
        auto *bars = qobject_cast<QBarSeries *>(cost->series().value(0));
        QVERIFY(bars);
        QVERIFY(waitUntil([&] {
            return bars->barSets().size() == 1 && bars->barSets().first()->count() == usage->rowCount();
        }));
        int row = -1;
        for (int i = 0; i < usage->rowCount(); ++i)
            row = usage->rows().at(i).containerId == m_id ? i : row;
        QVERIFY(row >= 0);
        QVERIFY(bars->barSets().first()->at(row) > 0);
        QChart *history = chartTitled(m_page.get(), QStringLiteral("Cost"));
        QVERIFY(history);
        auto *line = qobject_cast<QLineSeries *>(history->series().value(0));
        QVERIFY(line);
        QVERIFY2(waitUntil([&] { return line->count() >= 2; }, 30000),
                 qPrintable(QString::number(line->count())));
    }

    void cleanupTestCase()
    {
        m_page.reset();
        m_node.stop();
    }

  private:
    GuiNode m_node{QStringLiteral("guibill-"),
                   QJsonObject{{QStringLiteral("monitoring"),
                                QJsonObject{{QStringLiteral("interval_ms"), 1000},
                                            {QStringLiteral("billing"),
                                             QJsonObject{{QStringLiteral("memory_per_gb_hour"), kRates[0]},
                                                         {QStringLiteral("cpu_per_vcpu_hour"), kRates[1]},
                                                         {QStringLiteral("storage_per_gb_hour"), kRates[2]},
                                                         {QStringLiteral("egress_per_gb"), kRates[3]}}}}}}};
    QString m_id;
    std::unique_ptr<BillingPage> m_page;
};

QTEST_MAIN(TstGuiBilling)
#include "tst_gui_billing.moc"
