// The one table of legal state changes and of which power action may begin in which state.
#include "containers/StateMachine.h"

#include <QtTest>

using namespace lightd;
using namespace lightd::containers;
using S = ContainerState;

namespace {
const QList<S> kAll{S::Installing, S::Ready, S::Starting, S::Running, S::Stopping, S::Suspended, S::Failed};

QString name(S s)
{
    return toString(s);
}
} // namespace

class TestStateMachine : public QObject
{
    Q_OBJECT
  private Q_SLOTS:
    void transitions_data()
    {
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<bool>("legal");
        // from -> the set of legal targets (besides failed, always legal)
        const QMap<S, QList<S>> legal{
            {S::Installing, {S::Ready}},
            {S::Ready, {S::Starting, S::Installing}},
            {S::Starting, {S::Running, S::Stopping, S::Ready, S::Suspended}},
            {S::Running, {S::Stopping, S::Ready, S::Suspended, S::Starting}},
            {S::Stopping, {S::Ready, S::Starting}},
            {S::Suspended, {S::Running, S::Starting, S::Ready, S::Stopping}},
            {S::Failed, {S::Installing, S::Ready}},
        };
        for (S from : kAll) {
            for (S to : kAll) {
                if (from == to)
                    continue;
                const bool ok = to == S::Failed || legal.value(from).contains(to);
                QTest::addRow("%s->%s", qPrintable(name(from)), qPrintable(name(to)))
                    << int(from) << int(to) << ok;
            }
        }
    }
    void transitions()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(bool, legal);
        QCOMPARE(canTransition(S(from), S(to)), legal);
    }

    void invariants()
    {
        for (S s : kAll) {
            QVERIFY2(canTransition(s, S::Failed), qPrintable(name(s))); // any operation may fail
            if (s != S::Ready && s != S::Failed) // only an idle container is (re)installed
                QVERIFY2(!canTransition(s, S::Installing), qPrintable(name(s)));
        }
        // an install ends in ready or failed, nothing else
        for (S s : kAll)
            QCOMPARE(canTransition(S::Installing, s), s == S::Ready || s == S::Failed);
        // running is only reached through a started process
        QVERIFY(!canTransition(S::Ready, S::Running));
        QVERIFY(!canTransition(S::Installing, S::Running));
        QVERIFY(!canTransition(S::Failed, S::Running));
    }

    void powerActions_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<int>("state");
        QTest::addColumn<bool>("allowed");
        const QMap<QString, QList<S>> allowed{
            {QStringLiteral("start"), {S::Ready}},
            {QStringLiteral("stop"), {S::Starting, S::Running, S::Suspended}},
            {QStringLiteral("kill"), {S::Starting, S::Running, S::Stopping, S::Suspended}},
            {QStringLiteral("restart"), {S::Starting, S::Running, S::Ready}},
            {QStringLiteral("suspend"), {S::Starting, S::Running}},
            {QStringLiteral("resume"), {S::Suspended}},
        };
        for (auto it = allowed.cbegin(); it != allowed.cend(); ++it) {
            for (S s : kAll)
                QTest::addRow("%s in %s", qPrintable(it.key()), qPrintable(name(s)))
                    << it.key() << int(s) << it.value().contains(s);
        }
    }
    void powerActions()
    {
        QFETCH(QString, action);
        QFETCH(int, state);
        QFETCH(bool, allowed);
        const auto a = powerActionFromString(action);
        QVERIFY(a);
        QCOMPARE(toString(*a), action);
        QCOMPARE(canBegin(*a, S(state)), allowed);
    }

    void nothingStartsWhileInstallingOrFailed()
    {
        for (auto a : {PowerAction::Start, PowerAction::Stop, PowerAction::Kill, PowerAction::Restart,
                       PowerAction::Suspend, PowerAction::Resume}) {
            QVERIFY(!canBegin(a, S::Installing));
            QVERIFY(!canBegin(a, S::Failed));
        }
    }

    // lightd::canBegin (shared with the GUI): reinstall, rebind and command too, and one busy code.
    void operationsWithTheLock()
    {
        using lightd::Operation;
        using lightd::Refusal;
        for (S s : kAll) {
            const bool installing = s == S::Installing;
            QCOMPARE(lightd::canBegin(Operation::Reinstall, s, false),
                     installing ? Refusal::WrongState : Refusal::None);
            QCOMPARE(lightd::canBegin(Operation::Rebind, s, false),
                     installing ? Refusal::WrongState : Refusal::None);
            const bool live = s == S::Running || s == S::Starting;
            QCOMPARE(lightd::canBegin(Operation::Command, s, true),
                     live ? Refusal::None : Refusal::WrongState);
            // busy: the state is judged first, then every operation but kill and command waits
            for (auto o : {Operation::Start, Operation::Stop, Operation::Restart, Operation::Suspend,
                           Operation::Resume, Operation::Reinstall, Operation::Rebind}) {
                const Refusal idle = lightd::canBegin(o, s, false);
                QCOMPARE(lightd::canBegin(o, s, true), idle == Refusal::None ? Refusal::Busy : idle);
            }
            QCOMPARE(lightd::canBegin(Operation::Kill, s, true), lightd::canBegin(Operation::Kill, s, false));
        }
        QCOMPARE(lightd::refusalCode(Refusal::Busy), QLatin1StringView("power_action_in_progress"));
        QCOMPARE(lightd::refusalCode(Refusal::WrongState), QLatin1StringView("invalid_state"));
        // The daemon's errors carry the same codes for every operation.
        QCOMPARE(refusal(Operation::Reinstall, S::Ready, true)->code(),
                 QStringLiteral("power_action_in_progress"));
        QCOMPARE(refusal(Operation::Rebind, S::Ready, true)->code(),
                 QStringLiteral("power_action_in_progress"));
        QCOMPARE(refusal(Operation::Start, S::Ready, true)->code(),
                 QStringLiteral("power_action_in_progress"));
        QCOMPARE(refusal(Operation::Rebind, S::Installing, false)->message(),
                 QStringLiteral("Cannot rebind network while container is installing"));
        QVERIFY(!refusal(Operation::Start, S::Ready, false));
    }

    // What the GUI enables is what the daemon accepts: the same function, by wire names.
    void guiRulesAreTheDaemonRules()
    {
        for (S s : kAll)
            for (const QString &verb : lightd::powerVerbs())
                QCOMPARE(lightd::powerAllowed(toString(s), verb), canBegin(*powerActionFromString(verb), s));
        QVERIFY(!lightd::powerAllowed(QStringLiteral("failed"), QStringLiteral("start")));
        QVERIFY(lightd::powerAllowed(QStringLiteral("suspended"), QStringLiteral("stop")));
        QVERIFY(!lightd::powerAllowed(QStringLiteral("nonsense"), QStringLiteral("stop")));
    }

    void unknownVerbs()
    {
        QVERIFY(!powerActionFromString(QStringLiteral("pause")));
        QVERIFY(!powerActionFromString(QStringLiteral("START")));
        QVERIFY(!powerActionFromString(QString()));
    }

    void stateNamesRoundTrip()
    {
        for (S s : kAll)
            QVERIFY(containerStateFromString(toString(s)) == std::optional<S>(s));
        QCOMPARE(toString(S::Suspended), QStringLiteral("suspended"));
        QVERIFY(!containerStateFromString(QStringLiteral("paused")));
    }
};

QTEST_GUILESS_MAIN(TestStateMachine)
#include "tst_ct_state_machine.moc"
