// Dumps a workbench model's parameters as text, one line per parameter: name, shape, values (docs/tracing.md).
// java -cp "target/lookahead.jar:target/lib/*" DumpWeights.java default weights.txt
import dev.lookahead.model.SearchModel;
import java.io.*;
public class DumpWeights {
    public static void main(String[] a) throws Exception {
        try (SearchModel m = SearchModel.open(a[0], "cpu"); PrintWriter w = new PrintWriter(new FileWriter(a[1]))) {
            for (var p : m.network().getParameters()) {
                var arr = p.getValue().getArray();
                w.print(p.getKey() + " " + arr.getShape().toString().replace(" ", "") );
                for (float f : arr.toFloatArray()) w.print(" " + f);
                w.println();
            }
        }
    }
}
