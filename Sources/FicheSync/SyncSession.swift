import FicheReplica
import FicheSyncProtocol
import Foundation

/// Keeps one replica in step with the server: pushes the outbox, pulls changes, copies the
/// initial snapshot and the rows of newly granted employers, off the UI (an actor).
///
/// What it guarantees, with the words of docs/SYNC.md: a saved change reaches the server exactly once
/// (ids and idempotent replays), a row leaves the outbox only after its result is recorded,
/// each pulled page and its cursor are one transaction, a lost grant deletes the employer's rows,
/// a revoked device exports its unsent changes before erasing the replica, and a server restored
/// from an older backup gets back what it lost (`startOverAfterRestore`).
///
/// ```swift
/// let session = SyncSession(replica: replica, transport: HTTPSyncTransport(server: url),
///                           credentials: .file(tokenPath), exportDirectory: dataDir)
/// let summary = try await session.sync()
/// print(summary.line, try await session.status().line)
/// ```
public actor SyncSession {
    let replica: AppDatabase
    let transport: any SyncTransport
    let credentials: CredentialStore
    let exportDirectory: String
    let maximumAttempts: Int
    let pullLimit: Int
    let snapshotLimit: Int
    let pause: @Sendable (Double) async throws -> Void
    /// The replica's clock: results, pulls and unsent exports are stamped with it.
    let now: @Sendable () -> Date
    let progress: (@Sendable (SnapshotProgress) -> Void)?
    /// How long a sync waits for another process's sync of the same replica to end.
    let lockWait: Double
    var backoff: Backoff
    var current: DeviceCredentials?
    var online = true
    var summary = SyncSummary()
    /// Whether this sync already started over after a server restore (once per sync).
    var recoveredFromRestore = false

    /// - Parameters:
    ///   - exportDirectory: where unsent changes are saved if the device is revoked.
    ///   - maximumAttempts: tries per request before the sync gives up as offline.
    ///   - pause: how to wait between retries (tests pass one that does not sleep).
    ///   - progress: called after every page of an initial sync.
    public init(replica: AppDatabase, transport: any SyncTransport, credentials: CredentialStore, exportDirectory: String,
                backoff: Backoff = Backoff(), maximumAttempts: Int = 6, pullLimit: Int = 500, snapshotLimit: Int = 5000,
                pause: @escaping @Sendable (Double) async throws -> Void = { try await Task.sleep(nanoseconds: UInt64($0 * 1e9)) },
                progress: (@Sendable (SnapshotProgress) -> Void)? = nil, lockWait: Double = 300) {
        self.replica = replica
        self.transport = transport
        self.credentials = credentials
        self.exportDirectory = exportDirectory
        self.backoff = backoff
        self.maximumAttempts = maximumAttempts
        self.pullLimit = pullLimit
        self.snapshotLimit = snapshotLimit
        self.pause = pause
        self.now = replica.clock.now
        self.progress = progress
        self.lockWait = lockWait
    }

    /// Signs in and returns the device's credentials (save them with `DeviceCredentials.save(to:)`).
    /// - Parameter knownDevice: the device id this computer signed in as before (from its old
    ///   token file): the server keeps that device when it is the same user's and not revoked.
    public static func signIn(server: String, login: String, password: String, device: String, knownDevice: String? = nil,
                              transport: any SyncTransport) async throws -> DeviceCredentials {
        do {
            let tokens = try await transport.login(LoginRequest(login: login, password: password, device: device,
                                                                deviceID: knownDevice))
            return DeviceCredentials(server: server, login: login, tokens: tokens)
        } catch let error as SyncTransportError {
            switch error {
            case .status(401, _): throw SyncError.wrongPassword
            case .status(429, _): throw SyncError.tooManyAttempts
            case .status(426, let body): throw SyncError.upgradeRequired(body?.message ?? "protocol too old")
            default:
                if error.isTransient { throw SyncError.offline(error.description) }
                throw SyncError.refused(error.description)
            }
        }
    }

    /// One full sync: finish any initial sync, push the whole outbox in batches of ≤ 100, then
    /// pull until nothing is left and the cursor has reached every write just pushed.
    ///
    /// - Throws: `SyncError`; the replica stays consistent whatever happens (local work continues).
    @discardableResult
    public func sync() async throws -> SyncSummary {
        summary = SyncSummary()
        recoveredFromRestore = false
        let lock = try await ReplicaSyncLock.acquire(replicaPath: replica.path, waiting: lockWait)
        defer { lock.release() }
        do {
            // Another process on this replica (a second terminal, `fiche sync` from cron) may have
            // renewed the tokens or signed in again since the last sync: the ones on file count.
            current = nil
            let device = try loadCredentials()
            try replica.bindSyncDevice(clientID: device.deviceID, userID: device.replicaUserID)
            try await finishSnapshots()
            let checkpoint = try await pushOutbox()
            try await pull(until: checkpoint)
            summary.cursor = try replica.syncState().pullCursor
            try replica.recordSyncAttempt(pushed: true, pulled: true, error: nil, at: now())
            return summary
        } catch let error as SyncError {
            if case .deviceRevoked = error {} else {
                // try?: the sync's own error is thrown next and says more; only the "last attempt" line is not updated.
                try? replica.recordSyncAttempt(pushed: false, pulled: false, error: error.description, at: now())
            }
            throw error
        } catch let error as ReplicaError {
            throw SyncError.storage(error.localizedDescription)
        }
    }

    /// What the badge shows now.
    public func status() throws -> SyncStatus {
        try Self.status(of: replica, online: online, now: now())
    }

    /// The badge values of a replica read without a session (`fiche sync --status`).
    public static func status(of replica: AppDatabase, online: Bool, now: Date? = nil) throws -> SyncStatus {
        let now = now ?? replica.clock.now()
        let counts = try replica.syncCounts()
        let state = try replica.syncState()
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let oldest = counts.oldestPendingAt.flatMap { formatter.date(from: $0) }.map { now.timeIntervalSince($0) }
        return SyncStatus(pending: counts.pending, oldestPendingAge: oldest, conflicts: counts.conflicts,
                          rejected: counts.rejected, lastSync: state.lastPullAt, online: online && state.lastError == nil,
                          lastError: state.lastError, initialSyncDone: state.initialSyncDone)
    }

    // MARK: Steps

    /// Pushes unsent outbox rows in id order; returns the sequence to pull up to.
    func pushOutbox() async throws -> Int64 {
        var checkpoint: Int64 = 0
        while true {
            let state = try replica.syncState()
            let entries = try replica.unsentMutations(limit: PushRequest.maximumBatch)
            guard !entries.isEmpty else { break }
            let mutations = entries.map { PendingMutation(id: $0.id - state.mutationBase, uuid: $0.uuid, mutation: $0.sent) }
            let request = PushRequest(mutations: mutations)
            let response = try await call { try await self.transport.push(request, accessToken: $0) }
            let terminal = response.results.filter { $0.status != .gap }
            try replica.recordMutationResults(terminal.map(WireMutation.result), at: now())
            for result in terminal {
                switch result.status {
                case .applied: summary.applied += 1
                case .rejected: summary.rejected += 1
                case .conflict: summary.conflicts += 1
                case .gap: break
                }
            }
            checkpoint = max(checkpoint, response.checkpoint)
            let left = try replica.unsentMutations(limit: 1).first?.id
            if left == entries.first?.id {
                // The server expects an earlier mutation than the outbox holds: its database may
                // have been restored from a backup older than changes it acknowledged.
                if !recoveredFromRestore, try await startOverIfRestored() { continue }
                let gap = response.results.first { $0.status == .gap }
                throw SyncError.outOfStep(gap.map { "the server expects mutation \(response.lastMutationID + 1), not \($0.mutationID)" }
                                          ?? "the server's results do not match the outbox")
            }
        }
        return checkpoint
    }

    /// Pulls pages until none is left and the cursor has reached `checkpoint`.
    func pull(until pushed: Int64) async throws {
        var checkpoint = pushed
        var restarted = false
        while true {
            let cursor = try replica.syncState().pullCursor
            let page: PullResponse
            do {
                page = try await call { try await self.transport.pull(cursor: cursor, limit: self.pullLimit, resultsAfter: nil, accessToken: $0) }
            } catch SyncTransportError.status(410, _) {
                // The server compacted its log past our cursor: copy again, keep the outbox.
                guard !restarted else { throw SyncError.refused("the server keeps answering 410 after a new snapshot") }
                restarted = true
                try replica.restartInitialSync()
                try await finishSnapshots()
                continue
            }
            if try restoreDetected(page, cursor: cursor) {
                try await startOver(after: page)
                checkpoint = max(checkpoint, try await pushOutbox())
                continue
            }
            let changes = page.changes.map(WireMutation.change)
            for employer in Set(page.changes.filter { $0.op == .scopeRemoved }.map(\.scope)).sorted() {
                try saveUnsent(of: employer)
            }
            try replica.applyPulledPage(changes, cursor: page.cursor, at: now())
            try replica.recordMutationResults(page.results.map(WireMutation.result), at: now())
            summary.pulledChanges += page.changes.count
            summary.removedEmployers += page.changes.filter { $0.op == .scopeRemoved }.map(\.scope)
            try await finishSnapshots()
            let reached = try replica.syncState().pullCursor
            // An answer older than the question (a late duplicate) cannot say "nothing more".
            if !page.hasMore && page.cursor >= cursor && reached >= checkpoint { break }
        }
    }

    // MARK: A restored server

    /// Whether the server's database was restored or replaced since this replica last pulled:
    /// another identity than the one seen before, a change log that ends before the cursor,
    /// or fewer mutations of this device than the server acknowledged. Records the identity
    /// the first time it is seen.
    func restoreDetected(_ page: PullResponse, cursor: Int64) throws -> Bool {
        let state = try replica.syncState()
        if let identity = page.serverIdentity {
            if let known = state.serverIdentity {
                if known != identity { return true }
            } else {
                try replica.recordServerIdentity(identity)
            }
        }
        if let head = page.head, cursor > head { return true }
        return page.lastMutationID < (try replica.highestAppliedMutationID())
    }

    /// Asks the server where it stands (a pull that is not applied) and starts over when its
    /// database was restored. - Returns: whether it started over.
    func startOverIfRestored() async throws -> Bool {
        let cursor = try replica.syncState().pullCursor
        let page: PullResponse
        do {
            page = try await call { try await self.transport.pull(cursor: cursor, limit: 1, resultsAfter: nil, accessToken: $0) }
        } catch SyncTransportError.status(410, _) {
            // A compacted log says nothing of a restore; the pull of the next sync copies again.
            return false
        }
        guard try restoreDetected(page, cursor: cursor) else { return false }
        try await startOver(after: page)
        return true
    }

    /// After a restore: the changes the server lost go back into the outbox with every unsent
    /// one (`AppDatabase.startOverAfterRestore`), then a fresh copy; the caller pushes next.
    func startOver(after page: PullResponse) async throws {
        guard !recoveredFromRestore else {
            throw SyncError.refused("the server's database changed again while this replica copied it; sync again later")
        }
        recoveredFromRestore = true
        summary.serverRestored = true
        summary.pushedAgain += try replica.startOverAfterRestore(serverIdentity: page.serverIdentity,
                                                                 serverLastMutationID: page.lastMutationID)
        try await finishSnapshots()
    }

    /// Finishes the initial snapshot, then the fetch of every newly granted employer.
    func finishSnapshots() async throws {
        if try !replica.syncState().initialSyncDone {
            try await copySnapshot(scope: nil)
        }
        for scope in try replica.syncState().pendingScopeFetches.keys.sorted() {
            try await copySnapshot(scope: scope)
        }
    }

    /// Copies a snapshot page by page, each page with its token in one replica transaction.
    func copySnapshot(scope: String?) async throws {
        let state = try replica.syncState()
        var token: String? = scope.map { state.pendingScopeFetches[$0] ?? "" } ?? state.snapshotToken
        if token == "" { token = nil }
        let started = now()
        var rows = 0
        var pages = 0
        var retriedFromStart = false
        // The next page is asked for while this one is written; if that early request fails,
        // it is simply asked again the ordinary way (retries, token refresh).
        var prefetched: (token: String?, page: Task<SnapshotPage, any Error>)?
        defer { prefetched?.page.cancel() }
        while true {
            let asked = token
            let page: SnapshotPage
            do {
                // try?: a failed early request is asked again the ordinary way just below, with retries.
                if let early = prefetched, early.token == asked, let answer = try? await early.page.value {
                    page = answer
                } else {
                    page = try await call {
                        try await self.transport.snapshot(token: asked, employer: scope, limit: self.snapshotLimit, accessToken: $0)
                    }
                }
                prefetched = nil
            } catch SyncError.refused(let detail) where asked != nil && !retriedFromStart {
                // A token the server no longer accepts (its key changed): start the copy again.
                _ = detail
                retriedFromStart = true
                token = nil
                continue
            }
            let synced = WireMutation.rows(page.table, entity: page.entity, pinnedSeq: page.pinnedSeq)
            let done = page.done || page.nextToken == nil
            if !done, let next = page.nextToken, let accessToken = current?.accessToken {
                let transport = self.transport
                let limit = snapshotLimit
                prefetched = (next, Task.detached {
                    try await transport.snapshot(token: next, employer: scope, limit: limit, accessToken: accessToken)
                })
            }
            try replica.applySnapshotPage(synced, scope: scope, nextToken: page.nextToken, pinnedSeq: page.pinnedSeq, done: done)
            rows += synced.count
            pages += 1
            summary.snapshotRows += synced.count
            if let progress {
                let elapsed = max(now().timeIntervalSince(started), 0.001)
                progress(SnapshotProgress(rows: rows, rate: Double(rows) / elapsed, pages: pages, entity: page.entity.rawValue,
                                          estimatedRemaining: nil, done: done))
            }
            if done { break }
            token = page.nextToken
        }
    }

    /// Changes the signed-in user's password on the server (`fiche passwd`); this device stays
    /// signed in. - Throws: `SyncError.refused` with the server's words when the current
    /// password is wrong or the new one is refused; nothing is changed then.
    public func changePassword(current: String, new: String) async throws {
        try await call { try await self.transport.changePassword(PasswordChange(currentPassword: current, newPassword: new),
                                                                 accessToken: $0) }
    }

    // MARK: Requests

    /// Runs one request with the current access token: retries transient failures with backoff,
    /// refreshes an expired token, and handles a revoked device. HTTP 410 is passed through.
    func call<T: Sendable>(_ request: @Sendable (String) async throws -> T) async throws -> T {
        var attempt = 0
        var refreshes = 0
        while true {
            let token = try loadCredentials().accessToken
            do {
                let answer = try await request(token)
                online = true
                return answer
            } catch let error as SyncTransportError {
                switch error {
                case .status(401, let body):
                    if body?.wipe == true { try wipeRevokedDevice() }
                    guard refreshes < 3 else { throw SyncError.signInAgain(body?.message ?? "unauthorized") }
                    refreshes += 1
                    // Tokens another process saved meanwhile are tried before a refresh of old ones.
                    if try adoptStoredCredentials(replacing: token) { continue }
                    try await refreshTokens()
                case .status(410, _):
                    throw error
                case .status(426, let body):
                    throw SyncError.upgradeRequired(body?.message ?? "protocol too old")
                case .status(403, let body) where body?.error == "wrong_password":
                    throw SyncError.wrongPassword
                default:
                    guard error.isTransient else { throw SyncError.refused(error.description) }
                    attempt += 1
                    summary.retries += 1
                    guard attempt < maximumAttempts else {
                        online = false
                        throw SyncError.offline(error.description)
                    }
                    try await pause(backoff.delay(attempt: attempt))
                }
            }
        }
    }

    /// Takes the credentials on file when they hold another access token than `token` (another
    /// process renewed them or signed in again); false when the file has nothing newer.
    func adoptStoredCredentials(replacing token: String) throws -> Bool {
        let stored: DeviceCredentials
        do {
            stored = try credentials.load()
        } catch {
            return false   // no readable file: the refresh of the tokens in hand decides
        }
        guard stored.accessToken != token else { return false }
        current = stored
        return true
    }

    func refreshTokens() async throws {
        let device = try loadCredentials()
        do {
            let tokens = try await transport.refresh(RefreshRequest(refreshToken: device.refreshToken))
            let renewed = device.renewed(with: tokens)
            do { try credentials.save(renewed) } catch { throw SyncError.storage("cannot save the renewed device token: \(error)") }
            current = renewed
        } catch let error as SyncTransportError {
            if case .status(401, let body) = error {
                if body?.wipe == true { try wipeRevokedDevice() }
                // Refreshed by another process meanwhile: its tokens are on file.
                if try adoptStoredCredentials(replacing: device.accessToken) { return }
                throw SyncError.signInAgain(body?.message ?? "the session expired")
            }
            if error.isTransient {
                online = false
                throw SyncError.offline(error.description)
            }
            throw SyncError.refused(error.description)
        }
    }

    /// Saves unsent changes to a file (mode 0600), erases the replica, and reports both.
    /// Saves the entries of `employer` the server never answered to a file (mode 0600) before
    /// the employer's rows leave the replica, as for a revoked device: nothing typed is lost.
    func saveUnsent(of employer: String) throws {
        let stamp = Int(now().timeIntervalSince1970)
        let path = (exportDirectory as NSString).appendingPathComponent("unsent-changes-\(employer)-\(stamp).jsonl")
        do {
            if try replica.exportUnsentMutations(to: path, employerCode: employer) > 0 { summary.savedUnsent.append(path) }
        } catch {
            throw SyncError.storage("access to \(employer) ended but its unsent changes could not be saved to \(path): \(error)")
        }
    }

    func wipeRevokedDevice() throws -> Never {
        let device = current?.deviceID ?? "device"
        let stamp = Int(now().timeIntervalSince1970)
        let path = (exportDirectory as NSString).appendingPathComponent("unsent-changes-\(device)-\(stamp).jsonl")
        let count: Int
        do {
            count = try replica.exportUnsentMutations(to: path)
            try replica.wipeAfterRevocation()
        } catch {
            // Never erase what could not be saved.
            throw SyncError.storage("the device was revoked but unsent changes could not be saved to \(path): \(error)")
        }
        throw SyncError.deviceRevoked(exportedTo: count > 0 ? path : nil, count: count)
    }

    func loadCredentials() throws -> DeviceCredentials {
        if let current { return current }
        let loaded = try credentials.load()
        current = loaded
        return loaded
    }
}
