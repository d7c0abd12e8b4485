// Loads an ontology with the OWL API, resolving owl:imports offline through an XML catalog
// (catalog-v001.xml, as Protege and ROBOT read it: <uri name="IRI" uri="relative/file"/>), and
// prints every OWL 2 DL profile violation of the ontology and its imports closure, one a line:
// "VIOLATION <class of the violation>: <description>", then "DONE <n> violations".
// Arguments: one or more pairs ONTOLOGY CATALOG, each checked with a manager of its own and
// reported in that order (one JVM for several checks: its start and the compile of this file
// cost more CPU than a check). Run by tests/test_owl_profile.py.
import java.io.File;
import javax.xml.parsers.DocumentBuilderFactory;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

public class Owl2DlProfileCheck {
    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments: ONTOLOGY CATALOG [ONTOLOGY CATALOG ...]");
        }
        for (int pair = 0; pair < args.length; pair += 2) {
            check(new File(args[pair]), new File(args[pair + 1]));
        }
    }

    static void check(File ontology, File catalog) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList entries = factory.newDocumentBuilder().parse(catalog).getElementsByTagName("uri");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            File target = new File(catalog.getParentFile(), entry.getAttribute("uri"));
            manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create(entry.getAttribute("name")),
                                                            IRI.create(target)));
        }
        // A missing import must fail the load, not be skipped silently.
        manager.setOntologyLoaderConfiguration(new OWLOntologyLoaderConfiguration()
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION));
        OWLOntology loaded = manager.loadOntologyFromOntologyDocument(ontology);
        OWLProfileReport report = new OWL2DLProfile().checkOntology(loaded);
        for (OWLProfileViolation violation : report.getViolations()) {
            System.out.println("VIOLATION " + violation.getClass().getSimpleName() + ": "
                               + violation.toString().replace('\n', ' '));
        }
        System.out.println("DONE " + report.getViolations().size() + " violations");
    }
}
