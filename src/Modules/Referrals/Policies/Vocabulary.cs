namespace RJCloud.Modules.Referrals.Policies;

public enum ReferralType { NeighbourDispute, CommunityRemedy, AntiSocialBehaviour, LowLevelCrime, CriminalOffence }

public enum ReferralRoute { Partner, CommunityResolution, SelfReferral, Staff }

public enum ParticipantRole { HarmedPerson, PersonResponsible, BothParties, Supporter }

public enum Concern { DomesticAbuse, SexualOffence, SeriousOrComplex, YoungPerson, FireRelated, CourtCaseInProgress, SchoolsWork, FamilyGroupConferencing }

public enum RuleOutcome { Passes, Fails, NeedsJudgement }
