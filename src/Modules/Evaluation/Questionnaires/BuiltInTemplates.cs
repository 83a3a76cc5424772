namespace RJCloud.Modules.Evaluation.Questionnaires;

/// <summary>
/// The questionnaires every office starts with (version 1) until it publishes its own. The post-conference follow-up
/// is appendix H of the Essex RJ hub manual, whose text ends at question 12: question 13, overall satisfaction on a
/// five-point scale, is ours, so that victim satisfaction is counted the same way in every office. The participant
/// evaluation and the empathy items are ours too (the manual names them without their text).
/// </summary>
internal static class BuiltInTemplates
{
    private static Question YesNo(string key, string text, bool comment = true, QuestionMeasure measure = QuestionMeasure.None) =>
        new() { Key = key, Text = text, Kind = QuestionKind.YesNo, WithComment = comment, Measure = measure };

    private static Question Words(string key, string text) => new() { Key = key, Text = text, Kind = QuestionKind.Text };

    private static Question Satisfaction(string text) => new()
    {
        Key = "satisfaction", Text = text, Kind = QuestionKind.Scale, Required = true, ScaleMin = 1, ScaleMax = 5,
        ScaleMinLabel = "Very dissatisfied", ScaleMaxLabel = "Very satisfied", Measure = QuestionMeasure.Satisfaction,
    };

    private static Question Agree(string key, string text, bool reverse = false) => new()
    {
        Key = key, Text = text, Kind = QuestionKind.Scale, Required = true, ScaleMin = 1, ScaleMax = 5,
        ScaleMinLabel = "Strongly disagree", ScaleMaxLabel = "Strongly agree", ReverseScored = reverse,
    };

    public static readonly QuestionnaireTemplate PostConferenceFollowUp = QuestionnaireTemplate.BuiltIn(QuestionnairePurpose.PostConferenceFollowUp,
        "Restorative justice post-conference follow up (face to face)",
        [
            Words("howItWent", "How did you think the conference went?"),
            YesNo("pleased", "Was there anything which particularly pleased you about the conference?"),
            YesNo("disappointed", "Was there anything which particularly disappointed you?"),
            Words("feltAfter", "How did you feel immediately after the conference?"),
            Words("feelNow", "And now?"),
            YesNo("worries", "Do you have any worries now stemming from the conference, or the restorative justice process?"),
            new() { Key = "impact", Text = "What do you think has been the impact of the conference on you overall?", Kind = QuestionKind.Choice, WithComment = true,
                Choices = ["Positive", "Negative", "No impact", "Don't know"] },
            YesNo("agreementReceived", "Have you received the conference agreement? What do you think about it now, and how do you think it will go?"),
            Words("differently", "To help future conferences, is there anything it would have helped to do differently? Were you adequately prepared for the conference?"),
            YesNo("supported", "Did you feel sufficiently supported through the conference process, and did we take into account any special needs you had?"),
            YesNo("recommend", "Would you recommend anyone else to take part?", measure: QuestionMeasure.Recommend),
            Words("anythingElse", "Is there anything else you would like to know?"),
            Satisfaction("Overall, how satisfied are you with the restorative justice service?"),
        ]);

    public static readonly QuestionnaireTemplate ParticipantEvaluation = QuestionnaireTemplate.BuiltIn(QuestionnairePurpose.ParticipantEvaluation,
        "Restorative justice participant evaluation",
        [
            Satisfaction("Overall, how satisfied are you with the restorative justice service?"),
            YesNo("prepared", "Were you given enough information to decide whether to take part, and prepared for what happened?"),
            YesNo("supported", "Did you feel supported and listened to throughout?"),
            YesNo("saferNow", "Do you feel safer, or more able to put what happened behind you?"),
            YesNo("recommend", "Would you recommend restorative justice to someone in your position?", measure: QuestionMeasure.Recommend),
            Words("comments", "Is there anything else you would like to tell us about the service?"),
        ]);

    public static readonly QuestionnaireTemplate VictimEmpathy = QuestionnaireTemplate.BuiltIn(QuestionnairePurpose.VictimEmpathy,
        "Victim empathy questionnaire",
        [
            Agree("understandHarm", "I understand how what I did affected the person harmed."),
            Agree("thinkAboutThem", "I have thought about how the person harmed felt at the time."),
            Agree("noRealHarm", "Nobody was really hurt by what I did.", reverse: true),
            Agree("theyDeservedIt", "The person harmed brought it on themselves.", reverse: true),
            Agree("wouldApologise", "I would like to put things right with the person harmed."),
            Agree("familyAffected", "What I did affected other people, such as their family or neighbours."),
            Agree("forgetIt", "People should just forget about it and move on.", reverse: true),
            Agree("wouldStop", "Knowing how it affected them would stop me doing it again."),
        ]);

    public static QuestionnaireTemplate For(QuestionnairePurpose purpose) => purpose switch
    {
        QuestionnairePurpose.PostConferenceFollowUp => PostConferenceFollowUp,
        QuestionnairePurpose.ParticipantEvaluation => ParticipantEvaluation,
        _ => VictimEmpathy,
    };
}
