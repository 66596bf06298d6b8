/** leaflet.markercluster's UMD build extends a global `L`: set it before that module runs. */
import L from 'leaflet';

(window as unknown as { L: typeof L }).L = L;
