"""A whole catalogue as one value: what an import file holds and what the guide sheets print."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from hallclient.domain.catalogue import Category, ServiceItem

_DIGITS = re.compile(r"(\d+)")


def natural_key(code: str) -> tuple[object, ...]:
    """Sort key so that SB2 comes before SB10, as a hall would number its items."""
    return tuple(int(part) if part.isdigit() else part.casefold() for part in _DIGITS.split(code))


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Categories and service items of one hall.

    `categories_in_file` is False when the file it was read from carried no categories (a CSV file): then the
    categories are the store's, and an import leaves them as they are.
    """

    categories: tuple[Category, ...]
    items: tuple[ServiceItem, ...]
    categories_in_file: bool = True

    def sorted_categories(self) -> list[Category]:
        """Categories in print order: `sort_order`, then code."""
        return sorted(self.categories, key=lambda c: (c.sort_order, natural_key(c.code)))

    def items_of(self, category_code: str) -> list[ServiceItem]:
        """The category's items in print order (by code)."""
        return sort_items(i for i in self.items if i.category_code == category_code)

    def find_category(self, key: str) -> Category | None:
        """A category by code (case-insensitive) or exact name, as staff type it on the command line."""
        wanted = key.strip()
        for category in self.categories:
            if category.code.casefold() == wanted.casefold():
                return category
        for category in self.categories:
            if category.name == wanted or (category.name_en and category.name_en.casefold() == wanted.casefold()):
                return category
        return None

    def find_item(self, code: str) -> ServiceItem | None:
        wanted = code.strip().casefold()
        return next((i for i in self.items if i.code.casefold() == wanted), None)

    def category_of(self, item: ServiceItem) -> Category:
        category = next((c for c in self.categories if c.code == item.category_code), None)
        if category is None:
            raise KeyError(f"item {item.code}: category {item.category_code!r} is not in the catalogue")
        return category


def sort_items(items: Iterable[ServiceItem]) -> list[ServiceItem]:
    return sorted(items, key=lambda i: natural_key(i.code))

