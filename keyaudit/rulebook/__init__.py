"""The rulebook: the rule model and loader, validators, request rules and their checks.

Not ``rules``: the wheel puts the shipped YAML rule pack at ``keyaudit/rules``."""
