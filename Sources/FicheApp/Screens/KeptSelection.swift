/// Where the selection goes when a screen reads its list again (after a pull, a save, a
/// resolution): on the item that was selected if it is still there, else at the same position,
/// clamped to the new list.
enum KeptSelection {
    static func index<Item>(in items: [Item], previous: [Item], selection: Int,
                            isSame: (Item, Item) -> Bool) -> Int {
        if previous.indices.contains(selection),
           let found = items.firstIndex(where: { isSame($0, previous[selection]) }) {
            return found
        }
        return min(selection, max(0, items.count - 1))
    }
}
