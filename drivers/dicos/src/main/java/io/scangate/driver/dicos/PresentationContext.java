package io.scangate.driver.dicos;

/** An accepted presentation context: what its PDVs carry and how their datasets are encoded. */
record PresentationContext(int id, String abstractSyntax, String transferSyntax) {

    boolean explicitVr() {
        return Uids.EXPLICIT_VR_LITTLE_ENDIAN.equals(transferSyntax);
    }
}
