extension Sequence where Element: Sendable {
    /// Applies `transform` to every element with at most `limit` running at once, keeping the
    /// input's order in the result: fetches are polite to servers and bounded in memory.
    func concurrentMap<Result: Sendable>(limit: Int, _ transform: @escaping @Sendable (Element) async -> Result) async -> [Result] {
        let elements = Array(self)
        guard !elements.isEmpty else { return [] }
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: elements.count)
            var next = 0
            for _ in 0..<Swift.min(Swift.max(1, limit), elements.count) {
                let index = next
                group.addTask { (index, await transform(elements[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < elements.count {
                    let index = next
                    group.addTask { (index, await transform(elements[index])) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }
}
