import FicheApp
import FicheReplica
import FicheWidgets

extension App {
    /// The dossier list's window, whatever screen is on top.
    var list: ListWindow<DossierListRow> { dossierList?.window ?? ListWindow(height: 1) }
}
