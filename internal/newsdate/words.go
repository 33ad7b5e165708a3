package newsdate

// ForeignUpdateWords say, in languages other than English, that a date
// beside them is when a text was changed, not when it was published
// ("mis à jour le 8 avril 2023", "aktualisiert am 14.05.2022"). Cyrillic
// words are given in both cases, for callers that lower-case ASCII only.
var ForeignUpdateWords = []string{
	"aktualisiert", "geändert", "mis à jour", "mise à jour", "modifié",
	"actualizado", "actualizada", "actualización", "aggiornato", "aggiornata", "aggiornamento",
	"atualizado", "atualizada", "bijgewerkt", "gewijzigd", "zaktualizowano", "aktualizacja",
	"обновлено", "Обновлено", "обновлен", "Обновлен", "оновлено", "Оновлено", "изменено", "Изменено", "змінено", "Змінено",
	"uppdaterad", "opdateret", "oppdatert",
}
