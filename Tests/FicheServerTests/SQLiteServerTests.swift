import XCTest

/// The authorisation matrix and sync scenarios on the embedded SQLite store (a temporary file).
final class SQLiteServerTests: XCTestCase {
    func testCpasClerkNeverSeesCommuneRows() async throws { try await AuthorizationMatrix.cpasClerkNeverSeesCommuneRows(.sqlite) }
    func testAuditorReadsMaskedAndCannotWrite() async throws { try await AuthorizationMatrix.auditorReadsMaskedAndCannotWrite(.sqlite) }
    func testRevokedDeviceGetsWipe() async throws { try await AuthorizationMatrix.revokedDeviceGetsWipe(.sqlite) }
    func testKnownCallerIsCheckedAgainAtEveryRequest() async throws { try await AuthorizationMatrix.knownCallerIsCheckedAgainAtEveryRequest(.sqlite) }
    func testRemovedGrantRemovesRowsAtNextPull() async throws { try await AuthorizationMatrix.removedGrantRemovesRowsAtNextPull(.sqlite) }
    func testForgedOrExpiredTokenGets401() async throws { try await AuthorizationMatrix.forgedOrExpiredTokenGets401(.sqlite) }
    func testReplayedMutationAppliesOnce() async throws { try await AuthorizationMatrix.replayedMutationAppliesOnce(.sqlite) }
    func testAFutureBirthIsRefusedAndASEPAAccountAccepted() async throws { try await IdentifierScenarios.aFutureBirthIsRefusedAndASEPAAccountAccepted(.sqlite) }
    func testSameIBANChangeGivesOneConflict() async throws { try await AuthorizationMatrix.sameIBANChangeGivesOneConflict(.sqlite) }
    func testHostileTextIsStoredOrRejectedCleanly() async throws { try await AuthorizationMatrix.hostileTextIsStoredOrRejectedCleanly(.sqlite) }
    func testMalformedJSONGets400() async throws { try await AuthorizationMatrix.malformedJSONGets400(.sqlite) }
    func testAbsencesAreCheckedWithTheDomainRules() async throws { try await AuthorizationMatrix.absencesAreCheckedWithTheDomainRules(.sqlite) }
    func testCompactedCursorGets410() async throws { try await AuthorizationMatrix.compactedCursorGets410(.sqlite) }
    func testLoginsAreRateLimited() async throws { try await AuthorizationMatrix.loginsAreRateLimited(.sqlite) }
    func testWritesAndGrantDecisionsAreAudited() async throws { try await AuthorizationMatrix.writesAndGrantDecisionsAreAudited(.sqlite) }
    func testRepeatedReadsAreAuditedOnceWithTheirCount() async throws { try await AuthorizationMatrix.repeatedReadsAreAuditedOnceWithTheirCount(.sqlite) }
    func testImportValidatesEveryRowAndIsIdempotent() async throws { try await AuthorizationMatrix.importValidatesEveryRowAndIsIdempotent(.sqlite) }
    func testLiveServerAnswersOverASocket() async throws { try await AuthorizationMatrix.liveServerAnswersOverASocket(.sqlite) }
    func testReviewFollowsTheFourEyesRule() async throws { try await AuthorizationMatrix.reviewFollowsTheFourEyesRule(.sqlite) }
    func testClosedMonthReachesEveryDeviceAndLocksIt() async throws { try await AuthorizationMatrix.closedMonthReachesEveryDeviceAndLocksIt(.sqlite) }
    func testArt60RevealAndReassignmentFollowTheirRights() async throws { try await AuthorizationMatrix.art60RevealAndReassignmentFollowTheirRights(.sqlite) }

    func testSigningInAgainKeepsTheDevice() async throws { try await DeviceSessionScenarios.signingInAgainKeepsTheDevice(.sqlite) }
    func testSameEntryFromAnotherDeviceAppliesOnce() async throws { try await DeviceSessionScenarios.sameEntryFromAnotherDeviceAppliesOnce(.sqlite) }
    func testConcurrentPushesApplyEachMutationOnce() async throws { try await ConcurrentPushScenarios.concurrentPushesApplyEachMutationOnce(.sqlite) }
    func testStoreFailureInARoundFailsOnlyItsPush() async throws { try await ConcurrentPushScenarios.storeFailureInARoundFailsOnlyItsPush(.sqlite) }
    func testCachedCallersFollowAPushRound() async throws { try await ConcurrentPushScenarios.cachedCallersFollowAPushRound(.sqlite) }
    func testARoundSeesTheRecordsItEnters() async throws { try await ConcurrentPushScenarios.aRoundSeesTheRecordsItEnters(.sqlite) }
    func testLostRefreshAnswerIsForgivenButAReplayIsNot() async throws { try await DeviceSessionScenarios.lostRefreshAnswerIsForgivenButAReplayIsNot(.sqlite) }
    func testDatedGrantsReachTheDevicesOnTheDay() async throws { try await GrantCalendarScenarios.datedGrantsReachTheDevicesOnTheDay(.sqlite) }
    func testDemoSeedGivesEachAccountItsEmployers() async throws { try await AuthorizationMatrix.demoSeedGivesEachAccountItsEmployers(.sqlite) }
    func testMigrationAddsTheDossierRecordTables() async throws { try await AuthorizationMatrix.migrationAddsTheDossierRecordTables(.sqlite) }

    func testExtremeMinutesAreRejectedAndTheDayLimitHolds() async throws { try await BoundsScenarios.extremeMinutesAreRejectedAndTheDayLimitHolds(.sqlite) }
    func testRandomExtremeValuesAreRefusedAndNothingIsStored() async throws { try await BoundsScenarios.randomExtremeValuesAreRefusedAndNothingIsStored(.sqlite) }
    func testGuessingAMaskedIBANTellsNothing() async throws { try await MaskedFieldScenarios.guessingAMaskedIBANTellsNothing(.sqlite) }
    func testGuessingAMaskedNISSTellsNothing() async throws { try await MaskedFieldScenarios.guessingAMaskedNISSTellsNothing(.sqlite) }
    func testFormulasAreExportedAsTextAndReadBack() async throws { try await SpreadsheetScenarios.formulasAreExportedAsTextAndReadBack(.sqlite) }
    func testExcelFilesAreReadAsSaved() async throws { try await BelgianCSVScenarios.excelFilesAreReadAsSaved(.sqlite) }
    func testExportReadsBackUnchanged() async throws { try await BelgianCSVScenarios.exportReadsBackUnchanged(.sqlite) }
    func testExportImportsIntoAFreshEmployer() async throws { try await BelgianCSVScenarios.exportImportsIntoAFreshEmployer(.sqlite) }
    func testTheScheduleColumnGivesTheFirstCareerPeriod() async throws {
        try await BelgianCSVScenarios.scheduleColumnGivesTheFirstCareerPeriod(.sqlite)
    }
    func testImportRefusalsNameTheLineAndWriteNothing() async throws { try await BelgianCSVScenarios.refusalsNameTheLineAndWriteNothing(.sqlite) }
}
