"""Members' questions on the papers and the leads' answers. Keyword-only, one transaction,
permission checked, audited."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from governance.models import AgendaItem, Question
from governance.notifications import notify_question
from governance.permissions import answers_questions, sees_meetings
from programme.models import Meeting, User


@transaction.atomic
def question_ask(*, user: User, item: AgendaItem, text: str) -> Question:
    if not sees_meetings(user):
        raise PermissionDenied("Only the group and the programme team ask questions on papers.")
    if Meeting.objects.get(pk=item.meeting_id).status != Meeting.Status.AGENDA_PUBLISHED:
        raise ValidationError("Questions are asked between the papers going out and the meeting.")
    if not text.strip():
        raise ValidationError({"text": "Enter your question"})
    question = Question.objects.create(item=item, asked_by=user, text=text)
    log(item.meeting, "governance.question", user=user, data={"item": item.title})
    notify_question(question)
    return question


@transaction.atomic
def question_answer(*, user: User, question: Question, answer: str) -> Question:
    if not answers_questions(user, question.item.proposal):
        raise PermissionDenied("Only the proposal's leads or the programme team answer questions.")
    if not answer.strip():
        raise ValidationError({"answer": "Enter your answer"})
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.item.decisions.exists():
        raise ValidationError(
            {
                "answer": "The group has decided this item, so its questions and answers are "
                "part of the record and cannot change."
            }
        )
    question.answer = answer
    question.answered_by = user
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    log(question.item.meeting, "governance.answer", user=user, data={"item": question.item.title})
    return question
