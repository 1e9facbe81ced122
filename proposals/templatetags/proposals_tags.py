from django import template

register = template.Library()

STATUS_COLOURS = {
    "draft": "grey",
    "submitted": "blue",
    "returned": "orange",
    "eligible": "turquoise",
    "decided": "green",
    "withdrawn": "red",
}


@register.inclusion_tag("includes/status_tag.html")
def status_tag(proposal):
    return {
        "label": proposal.get_status_display(),
        "colour": STATUS_COLOURS.get(proposal.status, "grey"),
    }
