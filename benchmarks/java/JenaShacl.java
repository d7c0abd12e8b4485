// Jena's SHACL engine on several data files in one JVM: for each, the validation report as
// N-Triples in OUT_DIR/<index>.nt and one line "index seconds results" on standard output.
// java -cp BUNDLES:/usr/share/java/* JenaShacl.java SHAPES.ttl OUT_DIR DATA.nt...
import java.io.FileOutputStream;
import java.io.OutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;

public class JenaShacl {
    public static void main(String[] args) throws Exception {
        Shapes shapes = Shapes.parse(RDFDataMgr.loadGraph(args[0]));
        for (int i = 2; i < args.length; i++) {
            long start = System.nanoTime();
            Graph data = RDFDataMgr.loadGraph(args[i]);
            ValidationReport report = ShaclValidator.get().validate(shapes, data);
            double seconds = (System.nanoTime() - start) / 1e9;
            try (OutputStream out = new FileOutputStream(args[1] + "/" + (i - 2) + ".nt")) {
                RDFDataMgr.write(out, report.getModel(), Lang.NTRIPLES);
            }
            System.out.println((i - 2) + " " + seconds + " " + report.getEntries().size());
        }
    }
}
