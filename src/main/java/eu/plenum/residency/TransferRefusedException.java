package eu.plenum.residency;

import eu.plenum.shared.PlenumException;

/** The transfer guard refused to move personal data: 451, nothing was sent. */
public class TransferRefusedException extends PlenumException {

    public TransferRefusedException(String detail) {
        super("transfer-refused", detail);
    }

    @Override
    public int status() {
        return 451;
    }
}
