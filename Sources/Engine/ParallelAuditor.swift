import Extraction
import Model
import Readers

/// Audits inputs on several threads and hands the results back in input order,
/// one at a time, so that a report is identical whatever the number of jobs, and
/// memory stays bounded: workers never run more than `window` inputs ahead of the
/// one being reported, and each result is dropped once reported.
///
/// The results are reported on the calling thread while the workers audit the next inputs,
/// so writing a report is off the critical path: with one job too, a batch is audited on
/// one worker thread and written on the caller's (issue 23).
public final class ParallelAuditor: @unchecked Sendable {
    let jobs: Int
    let window: Int
    let read: @Sendable (Input) -> FileResult

    private let condition = Condition()
    private var next = 0
    private var reported = 0
    private var results: [Int: FileResult] = [:]

    /// `read` audits one input (a `Pipeline` run, in practice).
    public init(jobs: Int, read: @escaping @Sendable (Input) -> FileResult) {
        self.jobs = max(1, jobs)
        self.window = max(4, 4 * self.jobs)
        self.read = read
    }

    /// Calls `report` with each result, in the order of `inputs`, on the calling thread.
    public func run(_ inputs: [Input], report: (FileResult) -> Void) {
        guard inputs.count > 1 else {
            for input in inputs { report(read(input)) }
            return
        }
        next = 0
        reported = 0
        results = [:]
        let workers = min(jobs, inputs.count)
        var threads: [WorkerThread] = []
        for _ in 0..<workers {
            guard let t = WorkerThread.start(stackSize: 8 << 20, { [self] in self.work(inputs) }) else { break }
            threads.append(t)
        }
        // Without any thread (the system refused), the inputs are audited here, in order.
        guard !threads.isEmpty else {
            for input in inputs { report(read(input)) }
            return
        }
        for i in 0..<inputs.count {
            condition.lock()
            while results[i] == nil { condition.wait() }
            let result = results.removeValue(forKey: i)!
            reported = i + 1
            condition.broadcast()
            condition.unlock()
            report(result)
        }
        for t in threads { t.join() }
    }

    private func work(_ inputs: [Input]) {
        while true {
            condition.lock()
            while next < inputs.count && next >= reported + window { condition.wait() }
            guard next < inputs.count else {
                condition.unlock()
                return
            }
            let i = next
            next += 1
            condition.unlock()
            let result = read(inputs[i])
            condition.lock()
            results[i] = result
            condition.broadcast()
            condition.unlock()
        }
    }
}
