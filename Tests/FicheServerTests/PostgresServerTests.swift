import XCTest

/// The authorisation matrix and sync scenarios on PostgreSQL (`FICHE_TEST_DATABASE_URL`; skipped when unset).
final class PostgresServerTests: XCTestCase {
    func testCpasClerkNeverSeesCommuneRows() async throws { try await AuthorizationMatrix.cpasClerkNeverSeesCommuneRows(.postgres) }
    func testAuditorReadsMaskedAndCannotWrite() async throws { try await AuthorizationMatrix.auditorReadsMaskedAndCannotWrite(.postgres) }
    func testRevokedDeviceGetsWipe() async throws { try await AuthorizationMatrix.revokedDeviceGetsWipe(.postgres) }
    func testKnownCallerIsCheckedAgainAtEveryRequest() async throws { try await AuthorizationMatrix.knownCallerIsCheckedAgainAtEveryRequest(.postgres) }
    func testRemovedGrantRemovesRowsAtNextPull() async throws { try await AuthorizationMatrix.removedGrantRemovesRowsAtNextPull(.postgres) }
    func testForgedOrExpiredTokenGets401() async throws { try await AuthorizationMatrix.forgedOrExpiredTokenGets401(.postgres) }
    func testReplayedMutationAppliesOnce() async throws { try await AuthorizationMatrix.replayedMutationAppliesOnce(.postgres) }
    func testAFutureBirthIsRefusedAndASEPAAccountAccepted() async throws { try await IdentifierScenarios.aFutureBirthIsRefusedAndASEPAAccountAccepted(.postgres) }
    func testSameIBANChangeGivesOneConflict() async throws { try await AuthorizationMatrix.sameIBANChangeGivesOneConflict(.postgres) }
    func testHostileTextIsStoredOrRejectedCleanly() async throws { try await AuthorizationMatrix.hostileTextIsStoredOrRejectedCleanly(.postgres) }
    func testMalformedJSONGets400() async throws { try await AuthorizationMatrix.malformedJSONGets400(.postgres) }
    func testAbsencesAreCheckedWithTheDomainRules() async throws { try await AuthorizationMatrix.absencesAreCheckedWithTheDomainRules(.postgres) }
    func testCompactedCursorGets410() async throws { try await AuthorizationMatrix.compactedCursorGets410(.postgres) }
    func testLoginsAreRateLimited() async throws { try await AuthorizationMatrix.loginsAreRateLimited(.postgres) }
    func testWritesAndGrantDecisionsAreAudited() async throws { try await AuthorizationMatrix.writesAndGrantDecisionsAreAudited(.postgres) }
    func testRepeatedReadsAreAuditedOnceWithTheirCount() async throws { try await AuthorizationMatrix.repeatedReadsAreAuditedOnceWithTheirCount(.postgres) }
    func testImportValidatesEveryRowAndIsIdempotent() async throws { try await AuthorizationMatrix.importValidatesEveryRowAndIsIdempotent(.postgres) }
    func testLiveServerAnswersOverASocket() async throws { try await AuthorizationMatrix.liveServerAnswersOverASocket(.postgres) }
    func testReviewFollowsTheFourEyesRule() async throws { try await AuthorizationMatrix.reviewFollowsTheFourEyesRule(.postgres) }
    func testClosedMonthReachesEveryDeviceAndLocksIt() async throws { try await AuthorizationMatrix.closedMonthReachesEveryDeviceAndLocksIt(.postgres) }
    func testArt60RevealAndReassignmentFollowTheirRights() async throws { try await AuthorizationMatrix.art60RevealAndReassignmentFollowTheirRights(.postgres) }

    func testSigningInAgainKeepsTheDevice() async throws { try await DeviceSessionScenarios.signingInAgainKeepsTheDevice(.postgres) }
    func testSameEntryFromAnotherDeviceAppliesOnce() async throws { try await DeviceSessionScenarios.sameEntryFromAnotherDeviceAppliesOnce(.postgres) }
    func testConcurrentPushesApplyEachMutationOnce() async throws { try await ConcurrentPushScenarios.concurrentPushesApplyEachMutationOnce(.postgres) }
    func testStoreFailureInARoundFailsOnlyItsPush() async throws { try await ConcurrentPushScenarios.storeFailureInARoundFailsOnlyItsPush(.postgres) }
    func testCachedCallersFollowAPushRound() async throws { try await ConcurrentPushScenarios.cachedCallersFollowAPushRound(.postgres) }
    func testARoundSeesTheRecordsItEnters() async throws { try await ConcurrentPushScenarios.aRoundSeesTheRecordsItEnters(.postgres) }
    func testLostRefreshAnswerIsForgivenButAReplayIsNot() async throws { try await DeviceSessionScenarios.lostRefreshAnswerIsForgivenButAReplayIsNot(.postgres) }
    func testDatedGrantsReachTheDevicesOnTheDay() async throws { try await GrantCalendarScenarios.datedGrantsReachTheDevicesOnTheDay(.postgres) }
    func testDemoSeedGivesEachAccountItsEmployers() async throws { try await AuthorizationMatrix.demoSeedGivesEachAccountItsEmployers(.postgres) }
    func testMigrationAddsTheDossierRecordTables() async throws { try await AuthorizationMatrix.migrationAddsTheDossierRecordTables(.postgres) }

    func testExtremeMinutesAreRejectedAndTheDayLimitHolds() async throws { try await BoundsScenarios.extremeMinutesAreRejectedAndTheDayLimitHolds(.postgres) }
    func testRandomExtremeValuesAreRefusedAndNothingIsStored() async throws { try await BoundsScenarios.randomExtremeValuesAreRefusedAndNothingIsStored(.postgres) }
    func testGuessingAMaskedIBANTellsNothing() async throws { try await MaskedFieldScenarios.guessingAMaskedIBANTellsNothing(.postgres) }
    func testGuessingAMaskedNISSTellsNothing() async throws { try await MaskedFieldScenarios.guessingAMaskedNISSTellsNothing(.postgres) }
    func testFormulasAreExportedAsTextAndReadBack() async throws { try await SpreadsheetScenarios.formulasAreExportedAsTextAndReadBack(.postgres) }
    func testExcelFilesAreReadAsSaved() async throws { try await BelgianCSVScenarios.excelFilesAreReadAsSaved(.postgres) }
    func testExportReadsBackUnchanged() async throws { try await BelgianCSVScenarios.exportReadsBackUnchanged(.postgres) }
    func testExportImportsIntoAFreshEmployer() async throws { try await BelgianCSVScenarios.exportImportsIntoAFreshEmployer(.postgres) }
    func testTheScheduleColumnGivesTheFirstCareerPeriod() async throws {
        try await BelgianCSVScenarios.scheduleColumnGivesTheFirstCareerPeriod(.postgres)
    }
    func testImportRefusalsNameTheLineAndWriteNothing() async throws { try await BelgianCSVScenarios.refusalsNameTheLineAndWriteNothing(.postgres) }
}
