/// A countdown latch: `wait()` suspends until `countDown()` was called `count` times. A handler that
/// waits on it answers only once that many callers have started, so "concurrent" calls truly overlap
/// (none can finish before the last has begun).
public actor TestLatch {
    private var remaining: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(count: Int) {
        remaining = count
    }

    public func countDown() {
        remaining -= 1
        guard remaining <= 0 else { return }
        waiting.forEach { $0.resume() }
        waiting.removeAll()
    }

    public func wait() async {
        guard remaining > 0 else { return }
        await withCheckedContinuation { waiting.append($0) }
    }
}
