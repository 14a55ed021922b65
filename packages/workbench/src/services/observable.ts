// The one Observable of every layer lives in @repertoire/base; the workbench's services call it a
// value (`ObservableValue`), compared with Object.is.
export { Observable as ObservableValue } from '@repertoire/base';
