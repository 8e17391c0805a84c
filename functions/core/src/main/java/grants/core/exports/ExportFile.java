package grants.core.exports;

import grants.core.allocation.AllocationCsv;

/** One object of a run's export; {@code rows} counts data rows (grants, payments), not headers. */
public record ExportFile(String name, String contentType, byte[] bytes, int rows) {

    public String sha256() {
        return AllocationCsv.sha256(bytes);
    }

    /** What the manifest and the email say of it. */
    public WrittenFile written() {
        return new WrittenFile(name, contentType, bytes.length, rows, sha256());
    }
}
