from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from wagtail.search import index

from core.security import normalise_email, plain_email


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Users are identified by email; an email address is required.")
        user = self.model(email=normalise_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username):
        return self.get(email=normalise_email(username))


class User(AbstractUser):
    """A person who signs in: identified by email, never by a user name."""

    username = None
    email = models.EmailField("email address", unique=True, validators=[plain_email])
    job_title = models.CharField(max_length=150, blank=True)
    organisation = models.ForeignKey(
        "programme.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="staff",
        help_text="The organisation this person works for.",
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def has_perm(self, perm, obj=None):
        """Django asks every authentication backend afresh each time; a page of a listing
        asks the same few questions a couple of hundred times (each row's buttons). The
        answers are kept on this object for as long as it lives (a request), as Django
        keeps the permissions they are read from."""
        if obj is not None:
            return super().has_perm(perm, obj)
        answers = self.__dict__.setdefault("_has_perm_answers", {})
        if perm not in answers:
            answers[perm] = super().has_perm(perm)
        return answers[perm]

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)


class Organisation(index.Indexed, models.Model):
    class Sector(models.TextChoices):
        POLICE = "police", "Police"
        HEALTH = "health", "Health"
        PROBATION = "probation", "Probation"
        PRISON = "prison", "Prison service"
        SCHOOLS = "schools", "Schools and education"
        CHILDRENS = "childrens", "Children's services"
        ADULTS = "adults", "Adult services"
        COMMUNITY = "community", "Community services"
        PUBLIC_HEALTH = "public_health", "Public health"
        VOLUNTARY = "voluntary", "Voluntary and community sector"
        HOUSING = "housing", "Housing"
        RESEARCH = "research", "Research and higher education"
        COUNCIL = "council", "Council programme team"

    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, blank=True)

    # Kept by core.search.follow (programme.apps).
    search_auto_update = False
    search_fields = [
        index.SearchField("name", boost=5),
        index.SearchField("short_name", boost=5),
        index.SearchField("org_identifier"),
        index.SearchField("get_sector_display"),
    ]
    search_lookups = {"org": ["name", "short_name"], "ref": ["org_identifier"]}
    sector = models.CharField(max_length=20, choices=Sector.choices)
    on_strategic_group = models.BooleanField(
        "represented on the strategic group",
        default=False,
        help_text="The organisation nominates members to the Families Strategic Group.",
    )
    org_identifier = models.CharField(
        "organisation identifier",
        max_length=100,
        blank=True,
        help_text="An org-id.guide identifier such as GB-CHC-216250, used in 360Giving files.",
    )
    website = models.URLField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class CurrentMembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(start_date__lte=on).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )

    def voting(self):
        return self.exclude(role=Membership.Role.ADVISER)


class Membership(models.Model):
    """A person's seat on the strategic group, for an organisation, over a period."""

    class Role(models.TextChoices):
        CHAIR = "chair", "Chair"
        VICE_CHAIR = "vice_chair", "Vice-chair"
        MEMBER = "member", "Member"
        ADVISER = "adviser", "Non-voting adviser"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True, help_text="Leave blank while current.")

    objects = CurrentMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__last_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
                violation_error_message="A membership cannot end before it starts.",
            ),
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"
