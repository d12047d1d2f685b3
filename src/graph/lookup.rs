//! The user picker's lookups: users by name, by phone number, and devices by name or serial number.

use super::endpoints::{
    device_name_lookup_request, device_serial_lookup_request, user_phone_lookup_request, user_search_request,
};
use super::{ApiError, GraphClient};
use crate::model::{Collection, DeviceHit, User};

impl GraphClient {
    pub async fn search_users(&self, text: &str) -> Result<Vec<User>, ApiError> {
        // One page is enough: the picker shows the best matches, not every match.
        let page: Collection<User> = self.get(&user_search_request(text)).await?;
        Ok(page.value)
    }

    /// Users whose phone number starts with what the caller said (see [`user_phone_lookup_request`]).
    pub async fn search_users_by_phone(&self, text: &str) -> Result<Vec<User>, ApiError> {
        let page: Collection<User> = self.get(&user_phone_lookup_request(text)).await?;
        Ok(page.value)
    }

    /// Devices matching what the caller said: by name always, by serial number when the text could be one;
    /// both requests go out together (one `$batch` in REST mode). Hits are unique by id.
    pub async fn search_devices(&self, text: &str) -> Result<Vec<DeviceHit>, ApiError> {
        let mut requests = vec![device_name_lookup_request(text)];
        if crate::domain::search::could_be_serial(text) {
            requests.push(device_serial_lookup_request(text));
        }
        let lookups = requests.iter().map(|request| async move {
            let page: Collection<DeviceHit> = self.get(request).await?;
            Ok::<_, ApiError>(page.value)
        });
        let mut hits: Vec<DeviceHit> = Vec::new();
        for hit in crate::concurrent::try_join_all(lookups).await?.into_iter().flatten() {
            if !hits.iter().any(|h| h.id == hit.id) {
                hits.push(hit);
            }
        }
        Ok(hits)
    }
}
