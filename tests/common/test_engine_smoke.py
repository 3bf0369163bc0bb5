from common.engine import QueueEngine


def test_issue_call_finish_rate(engine: QueueEngine, clock):
    issued = engine.issue("A")
    assert issued.ticket.label == "A001"
    clock.advance(minutes=5)
    called = engine.call_next(1, staff="1001")
    assert called.label == "A001" and called.window == 1 and called.staff_name == "王丽"
    clock.advance(minutes=1)
    engine.start(1)
    clock.advance(minutes=4)
    done = engine.finish(1)
    assert done.status == "done"
    result = engine.rate(issued.ticket.token, 5)
    assert result.window == 1 and result.staff_name == "王丽"
